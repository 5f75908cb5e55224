namespace WijPlatform.Calendar.Application;

/// <summary>Why a partner's sign-up of its clients is refused; the texts in one place, ready to move to resource files.</summary>
public static class PartnerRefusals
{
    public static readonly Refusal NotForYourClients =
        Refusal.NotYours("The activity is not meant for your clients: only an activity whose target partner is your organisation takes your sign-ups.");

    public static readonly Refusal ClientTwiceInRequest = Refusal.Invalid("clients", "Name each client (clientReference) once.");

    public static Refusal AlreadySignedUp(int clients) =>
        Refusal.Conflict("Already signed up.", $"{clients} of these clients already have a sign-up for this activity (the same date).");

    /// <summary>All or none: the partner chooses whom to send when not all fit.</summary>
    public static Refusal NotEnoughPlaces(int asked, int left) =>
        Refusal.Conflict("Not enough places.", $"{asked} clients asked for, {left} {(left == 1 ? "place is" : "places are")} left; nobody was signed up.");

    public const string NoOrganisation = "The partner key names no organisation.";
}
