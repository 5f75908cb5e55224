using WijPlatform.Notices.Model;

namespace WijPlatform.UnitTests.Notices;

/// <summary>The notices service keeps a person's newest way of contact, whatever order the messages arrive in.</summary>
public sealed class ContactOrderTests
{
    private static readonly DateTime Registered = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Changed = Registered.AddMinutes(5);

    [Fact]
    public void A_newer_contact_replaces_the_kept_one_and_an_older_one_arriving_later_does_not()
    {
        Assert.True(ContactOrder.Replaces(Registered, Changed));
        Assert.False(ContactOrder.Replaces(Changed, Registered));
    }

    [Fact]
    public void The_same_contact_delivered_again_keeps_it()
    {
        Assert.True(ContactOrder.Replaces(Changed, Changed));
    }

    [Fact]
    public void A_contact_from_a_version_before_the_stamp_is_older_than_any_stamped_one()
    {
        Assert.False(ContactOrder.Replaces(Changed, null));
        Assert.True(ContactOrder.Replaces(null, Registered));
        // Between two unstamped ones the later arrival wins, as before the stamp.
        Assert.True(ContactOrder.Replaces(null, null));
    }

    [Fact]
    public void A_stamp_without_a_zone_is_UTC()
    {
        var unspecified = DateTime.SpecifyKind(Changed.AddSeconds(-1), DateTimeKind.Unspecified);
        Assert.False(ContactOrder.Replaces(Changed, unspecified));
        Assert.Equal(DateTimeKind.Utc, ContactOrder.Utc(unspecified)?.Kind);
    }
}
