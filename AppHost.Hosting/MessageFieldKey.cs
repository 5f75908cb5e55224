using System.Security.Cryptography;

namespace WijPlatform.Hosting;

/// <summary>
/// The key the services seal the personal fields of message bodies with, made on first use and kept in
/// the state folder beside the broker's password, and handed to every service that talks to the broker
/// (Messaging__FieldKeys__dev, Messaging__FieldKeyId). Production sets the same variables from its
/// secret store, with a key id of its own; see README, Security.
/// </summary>
public static class MessageFieldKey
{
    public const string DevelopmentKeyId = "dev";

    public static IReadOnlyDictionary<string, Func<string>> Environment(string directory) => new Dictionary<string, Func<string>>
    {
        [$"Messaging__FieldKeys__{DevelopmentKeyId}"] = () => LoadOrCreate(Path.Combine(directory, "field-key")),
        ["Messaging__FieldKeyId"] = () => DevelopmentKeyId,
    };

    // The services start side by side and each asks for the key: one makes it, all read the same.
    private static readonly Lock Making = new();

    private static string LoadOrCreate(string file)
    {
        lock (Making)
        {
            if (File.Exists(file))
            {
                return File.ReadAllText(file).Trim();
            }
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            var written = file + ".new";
            File.WriteAllText(written, key);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(written, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            File.Move(written, file);
            return key;
        }
    }
}
