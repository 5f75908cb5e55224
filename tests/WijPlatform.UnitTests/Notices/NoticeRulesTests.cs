using WijPlatform.ServiceDefaults.Texts;
using WijPlatform.Notices.Model;

namespace WijPlatform.UnitTests.Notices;

public sealed class NoticeRulesTests
{
    private static readonly TextCatalogue Catalogue = new([typeof(TextCatalogue).Assembly, typeof(NoticeTexts).Assembly]);

    /// <summary>As a notice is written: in Dutch.</summary>
    private static string Dutch(Text text) => Catalogue.Render(text, TextCatalogue.Dutch);

    [Theory]
    [InlineData("phone", "050 123 4567", null, ContactWay.Call)]
    [InlineData("email", null, "anna@example.nl", ContactWay.Email)]
    [InlineData("letter", "050 123 4567", "anna@example.nl", ContactWay.Letter)]
    [InlineData("desk", "050 123 4567", null, ContactWay.Letter)]
    [InlineData("home-visit", null, null, ContactWay.Letter)]
    [InlineData("via-informal-carer", "050 123 4567", null, ContactWay.Letter)]
    [InlineData("phone", null, null, ContactWay.Letter)]
    [InlineData("email", "050 123 4567", " ", ContactWay.Letter)]
    [InlineData("sms", "06 1234 5678", null, ContactWay.Sms)]
    [InlineData("sms", " ", "anna@example.nl", ContactWay.Letter)]
    public void Each_way_of_contact_has_one_way_to_be_told(string preferred, string? phone, string? email, string way) =>
        Assert.Equal(way, ContactWay.For(preferred, phone, email));

    /// <summary>A volunteer gets no letter: what is not a text message or an email, the coordinator tells them.</summary>
    [Theory]
    [InlineData("sms", "06 1234 5678", null, ContactWay.Sms)]
    [InlineData("email", null, "wim@example.nl", ContactWay.Email)]
    [InlineData("phone", "06 1234 5678", null, ContactWay.Call)]
    [InlineData("coordinator", null, null, ContactWay.Call)]
    [InlineData("sms", null, "wim@example.nl", ContactWay.Call)]
    [InlineData("email", "06 1234 5678", null, ContactWay.Call)]
    public void A_volunteer_is_told_by_text_message_email_or_the_coordinator(string preferred, string? phone, string? email, string way) =>
        Assert.Equal(way, ContactWay.ForVolunteer(preferred, phone, email));

    [Fact]
    public void A_deliverer_hears_the_day_the_round_the_Amsterdam_time_and_how_many_addresses_in_Dutch()
    {
        var words = NoticeTexts.RoundAssigned(new DateOnly(2026, 12, 3), 2, new DateTimeOffset(2026, 12, 3, 10, 30, 0, TimeSpan.Zero), 6);
        Assert.Equal("Je bezorgronde op donderdag 3 december", Dutch(words.Subject));
        Assert.Equal("Je bezorgt op donderdag 3 december ronde 2 van Café Noord, vanaf 11.30 uur: 6 adressen. De adressen zie je in je ronde op de dag zelf. Dank je wel!", Dutch(words.Text));
        Assert.Contains("vanaf 11.30 uur: één adres.", Dutch(NoticeTexts.RoundAssigned(new DateOnly(2026, 12, 3), 1, new DateTimeOffset(2026, 12, 3, 10, 30, 0, TimeSpan.Zero), 1).Text));
    }

    [Fact]
    public void A_volunteer_is_warned_before_their_VOG_expires_and_told_when_it_has()
    {
        Assert.StartsWith("Je VOG verloopt op 1 februari 2027.", Dutch(NoticeTexts.VogExpires(new DateOnly(2027, 2, 1), new DateOnly(2026, 12, 1)).Text));
        Assert.StartsWith("Je VOG is verlopen op 1 december 2026.", Dutch(NoticeTexts.VogExpires(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1)).Text));
    }

    [Fact]
    public void A_promotion_names_the_activity_and_its_Amsterdam_time_in_Dutch_in_summer_and_in_winter()
    {
        // 12:00 UTC is 14.00 in summer time and 13.00 in winter time.
        Assert.Contains("bij Spelmiddag op dinsdag 7 juli om 14.00 uur", Dutch(NoticeTexts.Promoted("Spelmiddag", new DateTimeOffset(2026, 7, 7, 12, 0, 0, TimeSpan.Zero)).Text));
        Assert.Contains("bij Spelmiddag op dinsdag 1 december om 13.00 uur", Dutch(NoticeTexts.Promoted("Spelmiddag", new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero)).Text));
    }

    [Fact]
    public void Meal_delivery_days_are_named_in_Dutch_and_a_refusal_gives_no_reason()
    {
        Assert.Contains("op maandag en donderdag", Dutch(NoticeTexts.MealsAccepted(["monday", "thursday"], new DateOnly(2026, 12, 7)).Text));
        Assert.Contains("vanaf maandag 7 december", Dutch(NoticeTexts.MealsAccepted(["monday"], new DateOnly(2026, 12, 7)).Text));
        Assert.DoesNotContain("omdat", Dutch(NoticeTexts.MealsDeclined().Text));
    }

    [Fact]
    public void A_letter_shows_names_in_any_script_and_escapes_markup()
    {
        var notice = new Notice(Guid.NewGuid(), Guid.NewGuid(), null, NoticeTexts.SignupPromoted, "Onderwerp", "Tekst <b>vet</b>", ContactWay.Letter, new DateOnly(2026, 12, 1), DateTime.UtcNow, null, null, null);
        var recipient = new Recipient(notice.ResidentId!.Value, "Олена", "Ëlla-<script>", "letter", null, null, "Kerkweg", "1", "3701 AB", "Zeist");
        var html = Letter.Html(notice, recipient, new DateOnly(2026, 12, 1));
        Assert.Contains("Beste Олена Ëlla-&lt;script&gt;,", html);
        Assert.Contains("Tekst &lt;b&gt;vet&lt;/b&gt;", html);
        Assert.Contains("1 december 2026", html);
        Assert.DoesNotContain("<script>", html);
    }
}
