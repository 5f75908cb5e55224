using System.Net.Http.Json;
using System.Text.Json;
using WijPlatform.IntegrationTests.Intake;

namespace WijPlatform.IntegrationTests.Security;

/// <summary>What someone types into a search is text: % and _ match only themselves, not every resident.</summary>
public sealed class WildcardSearchTests(StackFixture stack)
{
    [Fact]
    public async Task A_search_for_a_wildcard_finds_no_one_and_a_real_name_still_finds_the_resident()
    {
        var intake = new IntakeApi(stack);
        var lastName = $"Wild{Guid.NewGuid():N}"[..16];
        await intake.RegisterResidentAsync(IntakeApi.UniquePostcode(), IntakeApi.UniqueHouseNumber(), "Anna", lastName);
        await intake.RegisterResidentAsync(IntakeApi.UniquePostcode(), IntakeApi.UniqueHouseNumber(), "Bert", lastName);
        using var desk = stack.Desk();

        foreach (var wildcard in new[] { "%", "_", "%%", "__", "\\", $"{lastName[..4]}%{lastName[^3..]}" })
        {
            var found = await desk.GetFromJsonAsync<JsonElement>($"/api/intake/residents?name={Uri.EscapeDataString(wildcard)}");
            Assert.True(found.GetProperty("totalCount").GetInt64() == 0, $"'{wildcard}' found {found.GetProperty("totalCount")} residents");
        }
        Assert.Equal(2, (await desk.GetFromJsonAsync<JsonElement>($"/api/intake/residents?name={lastName}")).GetProperty("totalCount").GetInt64());
        Assert.Equal(1, (await desk.GetFromJsonAsync<JsonElement>($"/api/intake/residents?name={Uri.EscapeDataString("bert " + lastName)}")).GetProperty("totalCount").GetInt64());
    }
}
