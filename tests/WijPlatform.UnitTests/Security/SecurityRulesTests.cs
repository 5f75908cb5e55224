using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WijPlatform.Gateway.Security;
using WijPlatform.Hosting;
using WijPlatform.Intake.Model;

namespace WijPlatform.UnitTests.Security;

public sealed class ApiKeyTests
{
    [Fact]
    public void A_new_key_reads_back_and_matches_only_its_own_hash()
    {
        var key = ApiKey.New();
        Assert.True(ApiKey.TryParse(key.ToString(), out var parsed));
        Assert.Equal(key, parsed);
        Assert.True(parsed.Matches(key.Hash()));
        Assert.False(ApiKey.New().Matches(key.Hash()));
        Assert.NotEqual(key.Secret, ApiKey.New().Secret);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("wij_notaguid_secretsecretsecretsecret")]
    [InlineData("wij_0f8fad5bd9cb469fa16570867728950e_short")]
    [InlineData("wij_0f8fad5bd9cb469fa16570867728950e")]
    public void Anything_else_is_not_a_key(string? text) => Assert.False(ApiKey.TryParse(text, out _));
}

public sealed class DeclaredRolesTests
{
    [Fact]
    public void Roles_on_a_group_and_on_its_endpoint_must_both_hold()
    {
        var roles = RolesInOpenApi.AllowedRoles([new AuthorizeAttribute { Roles = "coordinator,volunteer,admin" }, new AuthorizeAttribute { Roles = "coordinator,admin" }]);
        Assert.Equal(["admin", "coordinator"], roles);
    }

    [Fact]
    public void An_endpoint_without_roles_is_for_administrators_only() =>
        Assert.Equal(["admin"], RolesInOpenApi.AllowedRoles([]));
}

public sealed class PlanVisibilityTests
{
    [Fact]
    public void A_team_member_who_is_not_the_regisseur_sees_no_personal_notes()
    {
        var item = new PlanItem(Guid.NewGuid(), Guid.NewGuid(), PlanKinds.Concern, "Schulden", null, null, null, null, null, null, null, "sanne", DateTime.UtcNow);
        var plan = new HouseholdPlan(Guid.NewGuid(), [new PlanMember(Guid.NewGuid(), "Jan", "Jansen")], [item with { Kind = PlanKinds.Network }], [], [item with { Kind = PlanKinds.Strength }], [item], []);
        var limited = plan.WithoutPersonalNotes();
        Assert.True(limited.Limited);
        Assert.Empty(limited.Concerns);
        Assert.Empty(limited.Strengths);
        Assert.Empty(limited.InformalNetwork);
        Assert.Single(limited.Members);
        Assert.False(plan.Limited);
    }
}

public sealed class DevelopmentTokenTests
{
    [Fact]
    public async Task A_development_token_carries_role_and_claims_and_validates_against_its_issuer_only()
    {
        var state = Path.Combine(Path.GetTempPath(), "wij-token-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var identity = DevelopmentIdentity.ForState(state);
            var token = identity.CreateToken("professional", new Dictionary<string, string> { ["team"] = "Zeist West" });
            var parameters = new TokenValidationParameters
            {
                ValidIssuer = DevelopmentIdentity.Issuer,
                ValidAudience = DevelopmentIdentity.Audience,
                IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(identity.IdentityProviderKey)),
            };
            var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
            Assert.True(result.IsValid);
            Assert.Equal("professional", result.Claims["role"]);
            Assert.Equal("Zeist West", result.Claims["team"]);

            parameters.IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(identity.GatewayKey));
            Assert.False((await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters)).IsValid);
            // The keys stay with the state folder: a second look finds the same ones.
            Assert.Equal(identity.IdentityProviderKey, DevelopmentIdentity.ForState(state).IdentityProviderKey);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }
}
