namespace WijPlatform.Intake.Apis;

/// <summary>
/// Intake's stored words (a domain, an urgency, an outcome, a channel, a way of contact) as words
/// inside a sentence for people, in their language: the API keeps the stored word, the timeline says
/// "urgentie: hoog".
/// </summary>
public static class IntakeWords
{
    public static readonly WordSet Domains = new("intake.domain.", HelpRequest.KnownDomains);

    public static readonly WordSet Urgencies = new("intake.urgency.", Urgency.Levels);

    public static readonly WordSet Outcomes = new("intake.outcome.", CaseLifecycle.Outcomes);

    public static readonly WordSet Channels = new("intake.channel.", HelpRequest.Channels);

    public static readonly WordSet ContactWays = new("intake.contact-way.", RecordContact.Ways);
}
