using System.Globalization;
using System.Net;
using System.Text;

namespace WijPlatform.Cafe.Model;

/// <summary>The round list a deliverer takes along: large print, one stop a row, boxes to tick.</summary>
public static class RoundPrint
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>Who brings the meals, as the list says it; a proposed deliverer has not confirmed yet.</summary>
    public static string Deliverer(DeliveryRound round) => (round.Status, round.VolunteerFirstName) switch
    {
        (RoundStatus.Assigned, { } name) => name,
        (RoundStatus.DelivererProposed, { } name) => $"{name} (gevraagd, nog niet bevestigd)",
        (RoundStatus.NoDeliverer, _) => "niemand gevonden, het café zoekt een bezorger",
        _ => "nog niet bekend",
    };

    public static string Html(DeliveryRound round, IEnumerable<RoundStop> stops)
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        var startsAt = Amsterdam.ToLocal(round.StartsAt);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="nl"><head><meta charset="utf-8"><title>Bezorgronde {{round.Number}}</title>
            <style>body{font-family:Arial,sans-serif;font-size:24pt;line-height:1.4;margin:1cm}h1{font-size:32pt}
            table{border-collapse:collapse;width:100%}td,th{border:2px solid #000;padding:.3em;vertical-align:top;text-align:left}
            .box{display:inline-block;width:1em;height:1em;border:3px solid #000;margin-right:.3em}</style></head><body>
            <h1>Bezorgronde {{round.Number}} &ndash; {{E(round.Date.ToString("dddd d MMMM yyyy", Dutch))}}</h1>
            <p>Vertrek uit de keuken: {{startsAt:HH:mm}} uur. Bezorger: {{E(Deliverer(round))}}.</p>
            <table><tr><th>Nr</th><th>Adres</th><th>Naam</th><th>Maaltijd</th><th>Afgevinkt</th></tr>
            """);
        var number = 0;
        foreach (var stop in stops.Where(s => s.Active).OrderBy(s => s.Position))
        {
            number++;
            var meal = $"{stop.Portions} &times; {E(stop.Dish)}" + (stop.SpecialRequest is null ? "" : $"<br><strong>{E(stop.SpecialRequest)}</strong>");
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{number}</td><td>{E(stop.Street)} {E(stop.HouseNumber)}<br>{E(stop.Postcode)}</td><td>{E(stop.ResidentName)}</td><td>{meal}</td><td><span class=\"box\"></span>bezorgd<br><span class=\"box\"></span>geen gehoor</td></tr>\n");
        }
        html.Append("</table>\n<p><strong>Geen gehoor?</strong> Laat de maaltijd niet achter en loop niet zomaar door: bel het caf&eacute;. " +
            "Het caf&eacute; belt de bewoner en daarna de contactpersoon; lukt dat niet, dan gaat het wijkteam kijken.</p>\n</body></html>\n");
        return html.ToString();
    }
}
