namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The one way a WijPlatform service binds its settings: an options class from its configuration
/// section, checked by its data annotations and any rule added with <see cref="ValidateBy"/>, when
/// the service starts rather than at the first request that reads it.
/// </summary>
public static class OptionsExtensions
{
    /// <summary>Binds <typeparamref name="T"/> to <paramref name="section"/> ("" for the root, where environment variables such as WIJ_FAULT live).</summary>
    public static OptionsBuilder<T> AddWijOptions<T>(this IHostApplicationBuilder builder, string section)
        where T : class =>
        builder.Services.AddOptions<T>()
            .Bind(section.Length == 0 ? builder.Configuration : builder.Configuration.GetSection(section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

    /// <summary>A rule that throws, with the reason, when the settings cannot work; the service then does not start.</summary>
    public static OptionsBuilder<T> ValidateBy<T>(this OptionsBuilder<T> options, Action<T> check)
        where T : class =>
        options.Validate(value =>
        {
            check(value);
            return true;
        });
}
