namespace WijPlatform.Notices.Sending;

/// <summary>One message to one person: an email or a text message (<paramref name="Channel"/> <c>email</c> or <c>sms</c>; <paramref name="To"/> the address or the number).</summary>
/// <param name="Id">The notice's id: a sender that is asked twice for the same id delivers it once.</param>
public sealed record OutgoingMessage(Guid Id, string Channel, string To, string Subject, string Body);

/// <summary>
/// Delivers a notice's message outside the platform, one sender per channel. Which one runs is
/// configuration: emails by <c>Notices:Sender:Kind</c> (<c>folder</c> in development and tests,
/// <c>smtp</c> in production), text messages by <c>Notices:Sender:SmsKind</c> (<c>folder</c>, or
/// <c>gateway</c>: an HTTP SMS gateway).
/// </summary>
public interface ISender
{
    Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
