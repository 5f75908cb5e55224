using WijPlatform.Cafe.Model;

namespace WijPlatform.UnitTests.Cafe;

public sealed class NoAnswerProtocolTests
{
    private static string Walk(params string[] events) =>
        events.Aggregate(NoAnswerProtocol.Pending, (status, e) => NoAnswerProtocol.Next(status, e) ?? throw new InvalidOperationException($"{e} after {status}"));

    [Fact]
    public void A_delivered_stop_is_done() => Assert.Equal(NoAnswerProtocol.Delivered, Walk("delivered"));

    [Fact]
    public void No_answer_leads_to_calling_the_resident_then_the_emergency_contact_then_a_signal()
    {
        Assert.Equal(NoAnswerProtocol.CallResident, Walk("no-answer"));
        Assert.Equal(NoAnswerProtocol.Resolved, Walk("no-answer", "resident-reached"));
        Assert.Equal(NoAnswerProtocol.CallEmergencyContact, Walk("no-answer", "resident-not-reached"));
        Assert.Equal(NoAnswerProtocol.Resolved, Walk("no-answer", "resident-not-reached", "contact-reached"));
        Assert.Equal(NoAnswerProtocol.Signalled, Walk("no-answer", "resident-not-reached", "contact-not-reached"));
    }

    [Theory]
    [InlineData(NoAnswerProtocol.Pending, "contact-not-reached")]
    [InlineData(NoAnswerProtocol.CallResident, "contact-not-reached")]
    [InlineData(NoAnswerProtocol.Delivered, "no-answer")]
    [InlineData(NoAnswerProtocol.Signalled, "contact-not-reached")]
    public void A_step_cannot_be_skipped_or_repeated(string status, string stopEvent) => Assert.Null(NoAnswerProtocol.Next(status, stopEvent));
}
