namespace WijPlatform.Calendar.Apis;

/// <summary>A sign-up's status as a word inside a sentence for people, in their language.</summary>
public static class SignupStatusTexts
{
    public static Text Of(string status) => status switch
    {
        SignupStatus.Confirmed => "calendar.status.confirmed",
        SignupStatus.Waitlisted => "calendar.status.waitlisted",
        SignupStatus.Cancelled => "calendar.status.cancelled",
        _ => status,
    };
}
