using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace WijPlatform.ServiceDefaults.Texts;

/// <summary>
/// Dutch first: every text for people is Dutch unless the request's Accept-Language asks for English
/// (any other language gets Dutch). Only the language of texts follows the request; the formatting
/// culture of the process (numbers in CSV, iCalendar, logs) stays as it was.
/// </summary>
public static class Languages
{
    public static IHostApplicationBuilder AddLanguages(this IHostApplicationBuilder builder)
    {
        // The service's own texts are embedded in the assembly the host is named after (the entry
        // assembly, or the one a test host starts).
        var service = TryLoad(builder.Environment.ApplicationName);
        var catalogue = new TextCatalogue([typeof(Languages).Assembly, .. service is null ? [] : new[] { service }]);
        builder.Services.AddSingleton(catalogue);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new TextJsonConverter(catalogue)));
        builder.Services.ConfigureAll<Microsoft.AspNetCore.OpenApi.OpenApiOptions>(openApi => openApi.AddSchemaTransformer<OpenApiTextAsString>());
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var formatting = CultureInfo.CurrentCulture;
            options.DefaultRequestCulture = new RequestCulture(formatting, TextCatalogue.Dutch);
            options.SupportedCultures = [formatting];
            options.SupportedUICultures = [TextCatalogue.Dutch, TextCatalogue.English];
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return builder;
    }

    private static Assembly? TryLoad(string name)
    {
        try
        {
            return Assembly.Load(name);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
