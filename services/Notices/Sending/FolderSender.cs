using System.Text;

namespace WijPlatform.Notices.Sending;

/// <summary>
/// The development sender: no mail server or SMS gateway is reachable, so each message becomes a
/// file named after its notice in the configured folder. Written beside and then moved into place,
/// so a reader never sees half a message, and sending the same notice again replaces its file.
/// </summary>
public sealed class FolderSender(IOptions<SenderOptions> options) : ISender
{
    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var folder = options.Value.Folder;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{message.Id:N}.{message.Channel}.txt");
        var temporary = path + ".tmp";
        var content = new StringBuilder()
            .Append("From: ").AppendLine(options.Value.From)
            .Append("To: ").AppendLine(message.To)
            .Append("Subject: ").AppendLine(message.Subject)
            .AppendLine()
            .AppendLine(message.Body)
            .ToString();
        await File.WriteAllTextAsync(temporary, content, new UTF8Encoding(false), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
