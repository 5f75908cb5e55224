using System.Security.Cryptography;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;

namespace WijPlatform.Hosting.StateFolder;

/// <summary>
/// The secrets of one state folder (database roles, broker, development signing keys): generated on
/// first use and kept in <c>secrets.json</c> beside the data they protect, readable by its owner only.
/// A shared environment sets its own through configuration (<c>Parameters__&lt;name&gt;</c>) instead.
/// </summary>
public sealed class StateSecrets(string stateDirectory)
{
    private static readonly Lock Gate = new();
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string FilePath { get; } = FileIn(stateDirectory);

    public static string FileIn(string stateDirectory) => Path.Combine(stateDirectory, "secrets.json");

    /// <summary>A secret of a running or stopped stack, for tools and tests that look behind the API.</summary>
    public static string Read(string stateDirectory, string name) =>
        Load(FileIn(stateDirectory)).TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"The state folder {stateDirectory} holds no secret named {name}.");

    /// <summary>The secret called <paramref name="name"/>, made now if this state folder has none yet.</summary>
    public string GetOrCreate(string name, Func<string>? create = null)
    {
        lock (Gate)
        {
            var secrets = Load(FilePath);
            if (!secrets.TryGetValue(name, out var value))
            {
                value = (create ?? NewPassword)();
                secrets[name] = value;
                Save(FilePath, secrets);
            }
            return value;
        }
    }

    public static string NewPassword() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static Dictionary<string, string> Load(string file) =>
        File.Exists(file) ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) ?? [] : [];

    private static void Save(string file, Dictionary<string, string> secrets)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(secrets, Indented));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temporary, file, overwrite: true);
    }
}

/// <summary>
/// An Aspire parameter's default that comes from the state folder: generated once, then the same on
/// every start. In the manifest it is a generated secret, as a deployment would make its own.
/// </summary>
public sealed class StateSecretDefault(StateSecrets secrets, string name, Func<string>? create = null) : ParameterDefault
{
    public override string GetDefaultValue() => secrets.GetOrCreate(name, create);

    public override void WriteToManifest(ManifestPublishingContext context) =>
        new GenerateParameterDefault { MinLength = 32, Special = false }.WriteToManifest(context);
}
