using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace WijPlatform.Notices.Model;

/// <summary>
/// A notice as a letter ready to print: A4, large type (many readers are elderly or see poorly),
/// the address where a window envelope shows it, the date and the text in Dutch.
/// </summary>
public static class Letter
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    // Names in any script stay readable in the page's source; only markup characters are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Html(Notice notice, Recipient? recipient, DateOnly date)
    {
        var name = recipient?.Name ?? "bewoner";
        var address = recipient is null
            ? ""
            : string.Join("<br>", new[]
            {
                recipient.Name,
                $"{recipient.Street} {recipient.HouseNumber}".Trim(),
                $"{recipient.Postcode} {recipient.City}".Trim(),
            }.Where(line => line.Length > 0).Select(E));
        return $$"""
            <!DOCTYPE html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <title>{{E(notice.Subject)}}</title>
            <style>
              @page { size: A4; margin: 25mm 20mm; }
              body { font-family: Verdana, Arial, sans-serif; font-size: 18pt; line-height: 1.5; color: #000; max-width: 170mm; }
              .address { margin: 20mm 0 15mm; }
              .date { margin-bottom: 10mm; }
              h1 { font-size: 22pt; }
            </style>
            </head>
            <body>
            <p class="sender">Steunpunt in de wijk</p>
            <p class="address">{{address}}</p>
            <p class="date">{{E(date.ToString("d MMMM yyyy", Dutch))}}</p>
            <h1>{{E(notice.Subject)}}</h1>
            <p>Beste {{E(name)}},</p>
            <p>{{E(notice.Text)}}</p>
            <p>Heeft u vragen? Kom langs bij het steunpunt of bel ons.</p>
            <p>Met vriendelijke groet,<br>Het steunpunt in de wijk</p>
            </body>
            </html>
            """;
    }

    private static string E(string text) => Encoder.Encode(text);
}
