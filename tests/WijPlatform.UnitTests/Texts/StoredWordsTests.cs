using WijPlatform.Cafe.Apis;
using WijPlatform.Cafe.Model;
using WijPlatform.Calendar.Apis;
using WijPlatform.Calendar.Model;
using WijPlatform.ServiceDefaults.Texts;

namespace WijPlatform.UnitTests.Texts;

/// <summary>A stored word (a status, an allergen, a diet) inside a Dutch sentence is a Dutch word.</summary>
public sealed class StoredWordsTests
{
    private static readonly TextCatalogue Calendar = new([typeof(TextCatalogue).Assembly, typeof(SignupStatusTexts).Assembly]);
    private static readonly TextCatalogue Cafe = new([typeof(TextCatalogue).Assembly, typeof(CafeWordTexts).Assembly]);

    [Fact]
    public void A_sign_ups_status_reads_in_Dutch_in_a_Dutch_sentence_and_as_stored_in_English()
    {
        Assert.Equal("De aanmelding is geannuleerd.", Calendar.Render(new Text("calendar.sign-up", SignupStatusTexts.Of(SignupStatus.Cancelled)), TextCatalogue.Dutch));
        Assert.Equal("De aanmelding is geplaatst op de wachtlijst.", Calendar.Render(new Text("calendar.sign-up", SignupStatusTexts.Of(SignupStatus.Waitlisted)), TextCatalogue.Dutch));
        Assert.Equal("The sign-up is cancelled.", Calendar.Render(new Text("calendar.sign-up", SignupStatusTexts.Of(SignupStatus.Cancelled)), TextCatalogue.English));
    }

    [Fact]
    public void Every_application_status_allergen_and_diet_has_a_Dutch_word()
    {
        string[] statuses = [DeliveryApplication.Pending, DeliveryApplication.Accepted, DeliveryApplication.Declined];
        var texts = statuses.Select(CafeWordTexts.ApplicationStatus)
            .Concat(Allergens.All.Select(a => CafeWordTexts.ConflictValue("allergen", a)))
            .Concat(DietTags.Diets.Select(d => CafeWordTexts.ConflictValue("diet", d)))
            .ToList();
        // A word without its own key would be shown as stored, in English.
        Assert.All(texts, text => Assert.StartsWith("cafe.", text.Key));
        Assert.All(texts, text => Assert.NotEqual(text.Key, Cafe.Render(text, TextCatalogue.Dutch)));
        Assert.Equal("Deze aanvraag was al afgewezen.", Cafe.Render(new Text("cafe.application-before", CafeWordTexts.ApplicationStatus(DeliveryApplication.Declined)), TextCatalogue.Dutch));
        Assert.Equal("Bevat selderij, waar deze bewoner allergisch voor is.", Cafe.Render(new Text("cafe.diet-conflict.allergen", CafeWordTexts.ConflictValue("allergen", "celery")), TextCatalogue.Dutch));
    }
}
