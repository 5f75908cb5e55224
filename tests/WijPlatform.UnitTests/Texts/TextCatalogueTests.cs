using System.Globalization;
using WijPlatform.ServiceDefaults.Texts;

namespace WijPlatform.UnitTests.Texts;

public sealed class TextCatalogueTests
{
    private static readonly TextCatalogue Cafe = new([typeof(TextCatalogue).Assembly, typeof(WijPlatform.Cafe.Model.DietCheck).Assembly]);

    [Fact]
    public void A_text_renders_in_Dutch_or_English_with_its_arguments_and_nouns_inside()
    {
        var missing = SharedTexts.NoSuch("order", 42);
        Assert.Equal("Er is geen bestelling 42.", Cafe.Render(missing, TextCatalogue.Dutch));
        Assert.Equal("There is no order 42.", Cafe.Render(missing, TextCatalogue.English));
        var closed = new Text("cafe.ordering-closed.detail", new DateTime(2026, 12, 1, 10, 30, 0));
        Assert.Equal("Bestellen voor deze dag kon tot 01-12-2026 10:30.", Cafe.Render(closed, TextCatalogue.Dutch));
    }

    [Fact]
    public void A_key_missing_from_the_catalogue_shows_as_written_and_a_missing_language_falls_back_to_English()
    {
        // Code written before the catalogue passes a sentence where a key belongs: it still shows.
        Assert.Equal("Group is full.", Cafe.Render("Group is full.", TextCatalogue.Dutch));
        Assert.Equal("Group {0} is full.", Cafe.Render(new Text("Group {0} is full."), TextCatalogue.Dutch));
        Assert.Equal("There is no order 7.", Cafe.Render(SharedTexts.NoSuch("order", 7), CultureInfo.GetCultureInfo("de")));
    }

    [Fact]
    public void What_ASPNET_writes_in_English_is_recognised_by_its_wording_and_keys_are_rendered()
    {
        Assert.Equal("Het veld FirstName is verplicht.", Cafe.Translate("The FirstName field is required.", TextCatalogue.Dutch));
        Assert.Equal("Het veld Note mag hoogstens 500 tekens lang zijn.", Cafe.Translate("The field Note must be a string with a maximum length of 500.", TextCatalogue.Dutch));
        Assert.Equal("Niet gevonden", Cafe.Translate("Not Found", TextCatalogue.Dutch));
        Assert.Equal("Not Found", Cafe.Translate("Not Found", TextCatalogue.English));
        Assert.Equal("Het verzoek is niet geldig.", Cafe.Translate("shared.request-invalid", TextCatalogue.Dutch));
        Assert.Equal("Something else entirely.", Cafe.Translate("Something else entirely.", TextCatalogue.Dutch));
    }
}
