using Aspire.Hosting.ApplicationModel;

namespace WijPlatform.Hosting.LocalPostgres;

/// <summary>
/// A PostgreSQL server run from the operating system's binaries (Aspire's own PostgreSQL resource
/// needs a container engine), its data in the state folder, its superuser password an Aspire parameter.
/// </summary>
public sealed class LocalPostgresResource(string name, string command, string directory, ParameterResource superuserPassword)
    : ExecutableResource(name, command, directory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public const string SuperuserName = "postgres";

    /// <summary>Where the server's files live: data/ and, while initdb runs, the password file.</summary>
    public string Directory { get; } = directory;

    public string DataDirectory => Path.Combine(Directory, "data");

    public ParameterResource SuperuserPassword { get; } = superuserPassword;

    public EndpointReference Endpoint => field ??= new(this, EndpointName);

    public List<LocalPostgresDatabaseResource> Databases { get; } = [];

    /// <summary>The superuser's connection to the server's own database (operators, health, set-up).</summary>
    public ReferenceExpression ConnectionStringExpression => ConnectionStringFor(LocalPostgresResource.SuperuserName, SuperuserPassword, "postgres");

    /// <summary>
    /// A connection string to a database of a running stack as <paramref name="user"/> (the superuser,
    /// or a database's <c>_owner</c> or <c>_app</c> role), with that role's own password from the state folder.
    /// </summary>
    public static string ConnectionStringFromState(string stateDirectory, Uri server, string database, string user = SuperuserName) =>
        new Npgsql.NpgsqlConnectionStringBuilder
        {
            Host = server.Host,
            Port = server.Port,
            Username = user,
            Password = StateFolder.StateSecrets.Read(stateDirectory, user == SuperuserName ? "postgres-password" : $"{user.Replace('_', '-')}-password"),
            Database = database,
        }.ConnectionString;

    internal ReferenceExpression ConnectionStringFor(string user, ParameterResource password, string database) => ReferenceExpression.Create(
        $"Host={Endpoint.Property(EndpointProperty.IPV4Host)};Port={Endpoint.Property(EndpointProperty.Port)};Username={user};Password={password};Database={database}");
}
