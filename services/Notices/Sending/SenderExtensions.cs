namespace WijPlatform.Notices.Sending;

public static class SenderExtensions
{
    public static IHostApplicationBuilder AddSender(this IHostApplicationBuilder builder)
    {
        // The sender is chosen at start-up, so a setting that names none stops the service there.
        builder.AddWijOptions<SenderOptions>("Notices:Sender").ValidateBy(options =>
        {
            if (options.Kind is not ("folder" or "smtp") || (options.Kind == "smtp" && string.IsNullOrWhiteSpace(options.SmtpHost)))
            {
                throw new InvalidOperationException($"Notices:Sender:Kind '{options.Kind}' needs a sender: 'folder', or 'smtp' with Notices:Sender:SmtpHost.");
            }
        });
        var kind = builder.Configuration.GetSection("Notices:Sender").Get<SenderOptions>()?.Kind ?? "folder";
        if (kind == "smtp")
        {
            builder.Services.AddSingleton<ISender, SmtpSender>();
        }
        else
        {
            builder.Services.AddSingleton<ISender, FolderSender>();
        }
        return builder;
    }
}
