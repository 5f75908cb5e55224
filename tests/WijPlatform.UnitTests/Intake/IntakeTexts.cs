using WijPlatform.ServiceDefaults.Texts;

namespace WijPlatform.UnitTests.Intake;

/// <summary>Intake's texts as the timeline keeps them: in Dutch, from intake's own catalogue.</summary>
internal static class IntakeTexts
{
    private static readonly TextCatalogue Catalogue = new([typeof(TextCatalogue).Assembly, typeof(WijPlatform.Intake.Model.CaseSignals).Assembly]);

    public static string OnTimeline(Text text) => Catalogue.Render(text, TextCatalogue.Dutch);
}
