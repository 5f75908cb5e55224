namespace WijPlatform.Notices.Sending;

/// <summary>One message to one person: an email (or, with another sender, an SMS).</summary>
/// <param name="Id">The notice's id: a sender that is asked twice for the same id delivers it once.</param>
public sealed record OutgoingMessage(Guid Id, string Channel, string To, string Subject, string Body);

/// <summary>
/// Delivers a notice's message outside the platform. Which one runs is configuration
/// (<c>Notices:Sender:Kind</c>): <c>folder</c> in development and tests, <c>smtp</c> in production.
/// </summary>
public interface ISender
{
    Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
