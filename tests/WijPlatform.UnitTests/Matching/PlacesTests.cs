using WijPlatform.Matching.Model;
using WijPlatform.ServiceDefaults.Texts;

namespace WijPlatform.UnitTests.Matching;

public sealed class PlacesTests
{
    private static Places Of(int total, int[] taken, bool supervised = false, bool supervisorTaken = false, int settled = 0) =>
        new(total, taken, supervised, supervisorTaken, settled);

    [Fact]
    public void Each_volunteer_takes_the_lowest_free_place_until_the_request_is_filled()
    {
        Assert.Equal(1, Of(3, []).Next);
        Assert.Equal(2, Of(3, [1, 3]).Next);
        Assert.Equal(1, Of(3, [2, 3]).Free);
        Assert.Null(Of(3, [1, 2, 3]).Next);
        Assert.Equal(0, Of(3, [1, 2, 3]).Free);
        Assert.Equal(Key(PlaceTexts.AllTaken(3)), Of(3, [1, 2, 3]).Refuse(asSupervisor: false, vogValid: true)?.Key);
        Assert.Null(Of(3, [1, 2]).Refuse(asSupervisor: false, vogValid: false));
    }

    [Fact]
    public void The_request_stays_open_while_a_place_is_free_is_proposed_when_filled_and_matched_when_every_place_is_active()
    {
        Assert.Equal(RequestStatus.Open, Of(3, [1]).StatusAfterProposal);
        Assert.Equal(RequestStatus.Proposed, Of(3, [1, 2]).StatusAfterProposal);
        Assert.Equal(RequestStatus.Proposed, Of(1, []).StatusAfterProposal);
        Assert.Equal(RequestStatus.Open, Of(3, [1, 2], settled: 2).Status);
        Assert.Equal(RequestStatus.Proposed, Of(3, [1, 2, 3], settled: 2).Status);
        Assert.Equal(RequestStatus.Matched, Of(3, [1, 2, 3], settled: 3).Status);
    }

    [Fact]
    public void Under_supervision_the_last_place_waits_for_one_supervisor_with_a_valid_vog()
    {
        Assert.Equal(Key(PlaceTexts.LastPlaceForSupervisor), Of(2, [1], supervised: true).Refuse(asSupervisor: false, vogValid: true)?.Key);
        Assert.Null(Of(2, [], supervised: true).Refuse(asSupervisor: false, vogValid: false));
        Assert.Equal(Key(PlaceTexts.SupervisorNeedsVog), Of(2, [1], supervised: true).Refuse(asSupervisor: true, vogValid: false)?.Key);
        Assert.Null(Of(2, [1], supervised: true).Refuse(asSupervisor: true, vogValid: true));
        Assert.Equal(Key(PlaceTexts.SupervisorTaken), Of(3, [1], supervised: true, supervisorTaken: true).Refuse(asSupervisor: true, vogValid: true)?.Key);
        Assert.Null(Of(3, [1, 2], supervised: true, supervisorTaken: true).Refuse(asSupervisor: false, vogValid: false));
        Assert.Equal(Key(PlaceTexts.NotSupervised), Of(3, []).Refuse(asSupervisor: true, vogValid: true)?.Key);
    }

    private static string Key(Text text) => text.Key;
}
