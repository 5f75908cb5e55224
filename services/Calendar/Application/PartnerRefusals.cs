namespace WijPlatform.Calendar.Application;

/// <summary>Why a partner's sign-up of its clients is refused (the words in texts.json).</summary>
public static class PartnerRefusals
{
    public static readonly Refusal NotForYourClients = Refusal.NotYours("calendar.partner.not-for-your-clients");

    public static readonly Refusal ClientTwiceInRequest = Refusal.Invalid("clients", "calendar.partner.client-twice");

    public static Refusal AlreadySignedUp(int clients) =>
        Refusal.Conflict("calendar.partner.already-signed-up", new Text("calendar.partner.clients-already-signed-up", clients));

    /// <summary>All or none: the partner chooses whom to send when not all fit.</summary>
    public static Refusal NotEnoughPlaces(int asked, int left) =>
        Refusal.Conflict("calendar.partner.not-enough-places", new Text(left == 1 ? "calendar.partner.one-place-left" : "calendar.partner.places-left", asked, left));

    public const string NoOrganisation = "calendar.partner.no-organisation";
}
