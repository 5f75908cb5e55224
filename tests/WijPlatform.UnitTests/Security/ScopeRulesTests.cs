using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using WijPlatform.Gateway.Security;
using WijPlatform.Intake.Model;
using WijPlatform.ServiceDefaults.Security;

namespace WijPlatform.UnitTests.Security;

/// <summary>Who reaches which records: a caller's widest reach among the roles the endpoint admits.</summary>
public sealed class ScopeRulesTests
{
    private static ClaimsPrincipal User(string[] roles, params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(roles.Select(r => new Claim(WijClaims.Role, r)).Concat(claims.Select(c => new Claim(c.Type, c.Value))), "test", WijClaims.Name, WijClaims.Role));

    [Fact]
    public void A_professional_reaches_their_own_team_the_desk_and_admin_every_team_and_a_professional_without_team_none()
    {
        var professional = TeamScope.For(User([WijRoles.Professional], (WijClaims.Team, "Zeist West")), [WijRoles.Professional]);
        Assert.True(professional.Covers("Zeist West"));
        Assert.False(professional.Covers("Zeist Oost"));
        Assert.False(professional.Covers(null));

        var noTeam = TeamScope.For(User([WijRoles.Professional]), [WijRoles.Professional]);
        Assert.False(noTeam.Covers("Zeist West"));
        Assert.False(noTeam.Covers(null));

        Assert.True(TeamScope.For(User([WijRoles.Desk]), [WijRoles.Desk]).Covers("Zeist Oost"));
        Assert.True(TeamScope.For(User([WijRoles.Admin]), [WijRoles.Admin]).EveryTeam);
    }

    [Fact]
    public void The_desk_role_widens_the_reach_only_where_the_endpoint_admits_the_desk()
    {
        var both = User([WijRoles.Desk, WijRoles.Professional], (WijClaims.Team, "Zeist West"));
        // A case endpoint admits professionals only: the desk role does not open another team's cases.
        Assert.False(TeamScope.For(both, [WijRoles.Professional]).Covers("Zeist Oost"));
        Assert.True(TeamScope.For(both, [WijRoles.Desk, WijRoles.Professional]).Covers("Zeist Oost"));
    }

    [Fact]
    public void A_volunteer_reaches_their_own_records_and_a_record_without_owner_is_nobodys()
    {
        var self = Guid.NewGuid();
        var volunteer = VolunteerScope.For(User([WijRoles.Volunteer], (WijClaims.VolunteerId, self.ToString())), [WijRoles.Volunteer]);
        Assert.True(volunteer.Covers(self));
        Assert.False(volunteer.Covers(Guid.NewGuid()));
        Assert.False(volunteer.Covers(null));
        Assert.True(volunteer.IsVolunteer);

        Assert.False(VolunteerScope.For(User([WijRoles.Volunteer]), [WijRoles.Volunteer]).Covers(null));
        var staff = VolunteerScope.For(User([WijRoles.Cafe]), [WijRoles.Cafe]);
        Assert.True(staff.Covers(null));
        Assert.False(staff.IsVolunteer);
        // Another staff role the endpoint does not admit gives no staff reach.
        Assert.False(VolunteerScope.For(User([WijRoles.Volunteer, WijRoles.Desk], (WijClaims.VolunteerId, self.ToString())), [WijRoles.Volunteer]).Covers(Guid.NewGuid()));
    }

    [Fact]
    public void A_partner_reaches_its_own_signals_only()
    {
        var partner = PartnerScope.For(User([WijRoles.Partner], (WijClaims.PartnerOrganisation, "Schoonmaak BV")), [WijRoles.Partner]);
        Assert.True(partner.Covers("Schoonmaak BV"));
        Assert.False(partner.Covers("Thuiszorg"));
        Assert.False(PartnerScope.For(User([WijRoles.Partner]), [WijRoles.Partner]).Covers(""));
        Assert.True(PartnerScope.For(User([WijRoles.Professional]), [WijRoles.Professional]).Covers("Thuiszorg"));
    }

    [Fact]
    public void Another_team_sees_a_residents_name_date_of_birth_and_team_but_not_how_to_reach_them_or_where_they_live()
    {
        var resident = new Resident(Guid.NewGuid(), Guid.NewGuid(), "Chloë", "Jansen", new DateOnly(1941, 5, 17), "050 123 4567", "c@example.nl", "phone",
            "9712 HW", "12", "Oude Ebbingestraat", "Groningen", "Groningen Centrum", null, DateTime.UtcNow);
        var card = resident.SeenFromAnotherTeam();
        Assert.Equal((resident.Id, "Chloë", "Jansen", resident.DateOfBirth, "Groningen Centrum"), (card.Id, card.FirstName, card.LastName, card.DateOfBirth, card.Neighbourhood));
        Assert.True(card.Limited);
        Assert.All(new object?[] { card.HouseholdId, card.Phone, card.Email, card.PreferredContact, card.Postcode, card.HouseNumber, card.Street, card.City }, Assert.Null);
    }

    [Fact]
    public void Who_did_it_keeps_a_name_in_any_script()
    {
        foreach (var name in new[] { "Chloë de Vries", "Jörg Müller", "Café Noord", "Дмитрий Иванов" })
        {
            Assert.Equal($"{name} (desk)", Caller.From(User([WijRoles.Desk], (WijClaims.Name, name))).Display);
        }
    }

    [Fact]
    public void A_partner_token_lives_seconds_and_carries_only_the_keys_organisation_and_role()
    {
        var key = Convert.ToBase64String(new byte[32]);
        var tokens = new PartnerTokens(Options.Create(new GatewayTokenOptions { TokenSigningKey = key }), Options.Create(new SecurityOptions()), TimeProvider.System);
        var partner = User([WijRoles.Partner], (WijClaims.Subject, "apikey:1"), (WijClaims.PartnerOrganisation, "Schoonmaak BV"), ("email", "x@example.nl"));
        var token = new JsonWebToken(tokens.TokenFor(partner));
        Assert.True(token.ValidTo - token.ValidFrom <= TimeSpan.FromSeconds(10));
        Assert.Equal("Schoonmaak BV", token.GetClaim(WijClaims.PartnerOrganisation).Value);
        Assert.False(token.TryGetClaim("email", out _));
    }
}
