namespace WijPlatform.Notices.Sending;

public static class SenderExtensions
{
    public static IHostApplicationBuilder AddSender(this IHostApplicationBuilder builder)
    {
        // The senders are chosen at start-up, so a setting that names none stops the service there.
        builder.AddWijOptions<SenderOptions>("Notices:Sender").ValidateBy(options =>
        {
            if (options.Kind is not ("folder" or "smtp") || (options.Kind == "smtp" && string.IsNullOrWhiteSpace(options.SmtpHost)))
            {
                throw new InvalidOperationException($"Notices:Sender:Kind '{options.Kind}' needs a sender: 'folder', or 'smtp' with Notices:Sender:SmtpHost.");
            }
            if (options.SmsKind is not ("folder" or "gateway")
                || (options.SmsKind == "gateway" && (options.SmsGatewayUrl is not { IsAbsoluteUri: true } || string.IsNullOrWhiteSpace(options.SmsGatewayApiKey))))
            {
                throw new InvalidOperationException(
                    $"Notices:Sender:SmsKind '{options.SmsKind}' needs a sender: 'folder', or 'gateway' with Notices:Sender:SmsGatewayUrl and Notices:Sender:SmsGatewayApiKey.");
            }
        });
        var settings = builder.Configuration.GetSection("Notices:Sender").Get<SenderOptions>() ?? new SenderOptions();
        builder.Services.AddSingleton<FolderSender>();
        if (settings.Kind == "smtp")
        {
            builder.Services.AddKeyedSingleton<ISender, SmtpSender>(ContactWay.Email);
        }
        else
        {
            builder.Services.AddKeyedSingleton<ISender>(ContactWay.Email, (services, _) => services.GetRequiredService<FolderSender>());
        }
        if (settings.SmsKind == "gateway")
        {
            builder.Services.AddHttpClient(SmsGatewaySender.Client, client => client.Timeout = TimeSpan.FromSeconds(30));
            builder.Services.AddKeyedSingleton<ISender, SmsGatewaySender>(ContactWay.Sms);
        }
        else
        {
            builder.Services.AddKeyedSingleton<ISender>(ContactWay.Sms, (services, _) => services.GetRequiredService<FolderSender>());
        }
        return builder;
    }
}
