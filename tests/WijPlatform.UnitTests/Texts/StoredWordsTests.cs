using WijPlatform.Cafe.Apis;
using WijPlatform.Cafe.Model;
using WijPlatform.Calendar.Apis;
using WijPlatform.Calendar.Model;
using WijPlatform.Intake.Apis;
using WijPlatform.Intake.Model;
using WijPlatform.Matching.Apis;
using WijPlatform.ServiceDefaults.Texts;

namespace WijPlatform.UnitTests.Texts;

/// <summary>A stored word (a status, an allergen, a diet) inside a Dutch sentence is a Dutch word.</summary>
public sealed class StoredWordsTests
{
    private static readonly TextCatalogue Calendar = new([typeof(TextCatalogue).Assembly, typeof(SignupStatusTexts).Assembly]);
    private static readonly TextCatalogue Cafe = new([typeof(TextCatalogue).Assembly, typeof(CafeWordTexts).Assembly]);
    private static readonly TextCatalogue Intake = new([typeof(TextCatalogue).Assembly, typeof(IntakeWords).Assembly]);
    private static readonly TextCatalogue Matching = new([typeof(TextCatalogue).Assembly, typeof(MatchingWords).Assembly]);

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

    public static TheoryData<string, string> WordSets => new()
    {
        { "weekdays", "shared.weekday." },
        { "domains", "intake.domain." },
        { "urgencies", "intake.urgency." },
        { "outcomes", "intake.outcome." },
        { "channels", "intake.channel." },
        { "contact ways", "intake.contact-way." },
        { "match statuses", "matching.match-status." },
        { "request statuses", "matching.request-status." },
        { "application statuses", "matching.application-status." },
        { "VOG statuses", "matching.vog-status." },
        { "travel modes", "matching.travel-mode." },
    };

    [Theory]
    [MemberData(nameof(WordSets))]
    public void Every_word_of_a_set_has_its_own_Dutch_and_English_entry(string name, string prefix)
    {
        var (set, catalogue) = name switch
        {
            "weekdays" => (SharedWords.Weekdays, Intake),
            "domains" => (IntakeWords.Domains, Intake),
            "urgencies" => (IntakeWords.Urgencies, Intake),
            "outcomes" => (IntakeWords.Outcomes, Intake),
            "channels" => (IntakeWords.Channels, Intake),
            "contact ways" => (IntakeWords.ContactWays, Intake),
            "request statuses" => (MatchingWords.RequestStatuses, Matching),
            "application statuses" => (MatchingWords.ApplicationStatuses, Matching),
            "VOG statuses" => (MatchingWords.VogStatuses, Matching),
            "travel modes" => (WijPlatform.Matching.Model.TravelModes.Words, Matching),
            _ => (MatchingWords.MatchStatuses, Matching),
        };
        // Every stored word the model knows is in the set, and has its key in both languages.
        string[] known = name switch
        {
            "weekdays" => Enum.GetValues<DayOfWeek>().Select(d => d.ToString().ToLowerInvariant()).ToArray(),
            "domains" => HelpRequest.KnownDomains,
            "urgencies" => [.. WijPlatform.Contracts.Vocabulary.Urgency.Levels],
            "outcomes" => CaseLifecycle.Outcomes,
            "channels" => HelpRequest.Channels,
            "contact ways" => RecordContact.Ways,
            "request statuses" => [WijPlatform.Matching.Model.RequestStatus.Open, WijPlatform.Matching.Model.RequestStatus.Proposed, WijPlatform.Matching.Model.RequestStatus.Matched, WijPlatform.Matching.Model.RequestStatus.Closed],
            "application statuses" => [WijPlatform.Matching.Model.ApplicationStatus.Pending, WijPlatform.Matching.Model.ApplicationStatus.Approved, WijPlatform.Matching.Model.ApplicationStatus.Declined],
            "VOG statuses" => WijPlatform.Matching.Model.Vog.Statuses,
            "travel modes" => ["foot", "bike", "car"],
            _ => [.. WijPlatform.Matching.Model.MatchStatus.Holding, WijPlatform.Matching.Model.MatchStatus.Ended, WijPlatform.Matching.Model.MatchStatus.Declined],
        };
        Assert.Equal(known.Order(), set.Words.Order());
        Assert.All(known, word =>
        {
            var text = set.Of(word);
            Assert.Equal(prefix + word, text.Key);
            Assert.NotNull(catalogue.Wording(text.Key, "nl"));
            Assert.NotNull(catalogue.Wording(text.Key, "en"));
        });
        // A word from before the set shows as stored.
        Assert.Equal("something-else", catalogue.Render(set.Of("something-else"), TextCatalogue.Dutch));
    }

    [Fact]
    public void Weekdays_domains_urgency_and_outcome_read_as_Dutch_words_in_a_Dutch_sentence()
    {
        Assert.Equal("maandag, woensdag en vrijdag", Intake.Render(SharedWords.Weekdays.List(["monday", "wednesday", "friday"]), TextCatalogue.Dutch));
        Assert.Equal("Monday and Thursday", Intake.Render(SharedWords.Weekdays.List(["monday", "thursday"]), TextCatalogue.English));
        Assert.Equal("Domeinen: wonen en financiën; urgentie: hoog.",
            Intake.Render(new Text("intake.timeline.triaged", IntakeWords.Domains.List(["wonen", "financien"]), IntakeWords.Urgencies.Of("high")), TextCatalogue.Dutch));
        Assert.Equal("Gesloten met uitkomst: eigen netwerk.", Intake.Render(new Text("intake.timeline.closed", IntakeWords.Outcomes.Of("own-network")), TextCatalogue.Dutch));
        var weekly = new VolunteerTime(null, DayOfWeek.Tuesday, 14 * 60 + 30, 90).Requested("walk");
        Assert.Equal("Vrijwilliger gevraagd voor 'walk', elke dinsdag vanaf 14:30 uur.", Intake.Render(weekly, TextCatalogue.Dutch));
        Assert.Equal("Volunteer requested for 'walk' every Tuesday from 14:30.", Intake.Render(weekly, TextCatalogue.English));
        Assert.Equal("De koppeling is actief.", Matching.Render(new Text("matching.match", MatchingWords.MatchStatuses.Of("active")), TextCatalogue.Dutch));
        Assert.Equal("De aanmelding is goedgekeurd.", Matching.Render(new Text("matching.application", MatchingWords.ApplicationStatuses.Of("approved")), TextCatalogue.Dutch));
        Assert.Equal("De vraag is gekoppeld, niet open.", Matching.Render(new Text("matching.request-not-open", MatchingWords.RequestStatuses.Of("matched")), TextCatalogue.Dutch));
    }
}
