using System.Net;
using System.Net.Mail;

namespace WijPlatform.Notices.Sending;

/// <summary>Email through the municipality's mail server, configured by <c>Notices:Sender:Smtp*</c>.</summary>
public sealed class SmtpSender(IOptions<SenderOptions> options) : ISender
{
    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort) { EnableSsl = settings.SmtpTls };
        if (settings.SmtpUserName is { } user)
        {
            client.Credentials = new NetworkCredential(user, settings.SmtpPassword);
        }
        using var mail = new MailMessage(settings.From, message.To, message.Subject, message.Body);
        // The notice's id lets the mail server and the resident's mailbox recognise a repeat.
        mail.Headers.Add("Message-ID", $"<{message.Id:N}@wijplatform>");
        await client.SendMailAsync(mail, cancellationToken);
    }
}
