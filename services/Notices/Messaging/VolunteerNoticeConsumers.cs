namespace WijPlatform.Notices.Messaging;

// Facts a volunteer must hear about: only what concerns their own task, never a resident's details.

/// <summary>Matching warned that a volunteer's certificate of conduct expires (once per expiry date): the volunteer is told.</summary>
public sealed class VogExpiryWarnedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, TimeProvider clock, TextCatalogue texts)
    : NoticeConsumer<VogExpiryWarned>(unitOfWork, metrics, clock, texts)
{
    protected override IEnumerable<(Addressee, string, string, (Text, Text))> Notices(VogExpiryWarned m) =>
        [(Addressee.Volunteer(m.VolunteerId), $"vog-expiring:{m.VolunteerId}:{m.ExpiresOn:yyyy-MM-dd}", NoticeTexts.VogExpiring, NoticeTexts.VogExpires(m.ExpiresOn, m.WarnedOn))];
}

/// <summary>The café confirmed a volunteer as a round's deliverer: they are told the day, the round, the time and how many addresses.</summary>
public sealed class DeliveryRoundAssignedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, TimeProvider clock, TextCatalogue texts)
    : NoticeConsumer<DeliveryRoundAssigned>(unitOfWork, metrics, clock, texts)
{
    protected override IEnumerable<(Addressee, string, string, (Text, Text))> Notices(DeliveryRoundAssigned m) =>
        [(Addressee.Volunteer(m.VolunteerId), $"delivery-round-assigned:{m.RoundId}:{m.VolunteerId}", NoticeTexts.DeliveryRoundAssigned,
            NoticeTexts.RoundAssigned(m.Date, m.Number, m.StartsAt, m.Addresses))];
}

/// <summary>Matching registered a volunteer, or they changed their way of contact: how to reach them when something concerns them (the newest).</summary>
public sealed class VolunteerContactRecordedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics, TimeProvider clock)
    : IdempotentConsumer<VolunteerContactRecorded>(unitOfWork, metrics)
{
    protected override Task HandleAsync(VolunteerContactRecorded message, UnitOfWork work, CancellationToken cancellationToken) =>
        NoticeStore.SaveVolunteerAsync(work, new VolunteerRecipient(message.VolunteerId, message.FirstName, message.PreferredContact, message.Phone, message.Email),
            message.RecordedAt, clock.GetUtcNow().UtcDateTime, cancellationToken);
}

/// <summary>A volunteer's data were erased: their way of contact and their notices go.</summary>
public sealed class VolunteerErasedConsumer(UnitOfWorkFactory unitOfWork, MessagingMetrics metrics)
    : IdempotentConsumer<VolunteerErased>(unitOfWork, metrics)
{
    protected override Task HandleAsync(VolunteerErased message, UnitOfWork work, CancellationToken cancellationToken) =>
        NoticeStore.EraseVolunteerAsync(work, message.VolunteerId, cancellationToken);
}
