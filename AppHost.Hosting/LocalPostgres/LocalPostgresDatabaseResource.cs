using Aspire.Hosting.ApplicationModel;

namespace WijPlatform.Hosting.LocalPostgres;

/// <summary>
/// A service's database on a <see cref="LocalPostgresResource"/>, with two roles of its own: the
/// owner, which applies the migrations, and the application role the service runs as, which owns
/// nothing and may not alter the audit trail. Each role has its own password (an Aspire parameter).
/// </summary>
public sealed class LocalPostgresDatabaseResource(string name, LocalPostgresResource server, ParameterResource ownerPassword, ParameterResource appPassword)
    : Resource(name), IResourceWithParent<LocalPostgresResource>, IResourceWithConnectionString, IResourceWithWaitSupport
{
    public LocalPostgresResource Parent { get; } = server;

    public string OwnerRole => $"{Name}_owner";

    public string AppRole => $"{Name}_app";

    public ParameterResource OwnerPassword { get; } = ownerPassword;

    public ParameterResource AppPassword { get; } = appPassword;

    /// <summary>What the service runs with (ConnectionStrings__&lt;name&gt;): the application role.</summary>
    public ReferenceExpression ConnectionStringExpression => Parent.ConnectionStringFor(AppRole, AppPassword, Name);

    /// <summary>What the service migrates with (ConnectionStrings__&lt;name&gt;_owner).</summary>
    public ReferenceExpression OwnerConnectionStringExpression => Parent.ConnectionStringFor(OwnerRole, OwnerPassword, Name);
}
