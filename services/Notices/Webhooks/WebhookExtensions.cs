namespace WijPlatform.Notices.Webhooks;

public static class WebhookExtensions
{
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        // Loopback and plain http are a developer's receiver; anywhere else the setting is a mistake that
        // would open the door to the service's own neighbours, so the service does not start with it.
        builder.AddWijOptions<WebhookOptions>("Notices:Webhooks").ValidateBy(options =>
        {
            if (options.AllowLoopback && !development)
            {
                throw new InvalidOperationException("Notices:Webhooks:AllowLoopback is for Development only; a partner's callback may not reach loopback elsewhere.");
            }
            if (options.FirstRetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.FirstRetryDelay || options.PollInterval <= TimeSpan.Zero)
            {
                throw new InvalidOperationException("Notices:Webhooks needs a positive PollInterval and FirstRetryDelay, and MaxRetryDelay at least FirstRetryDelay.");
            }
        });
        builder.Services.AddSingleton<WebhookStore>();
        builder.Services.AddSingleton<WebhookTargets>();
        builder.Services.AddSingleton<WebhookClient>();
        builder.Services.AddHostedService<WebhookDispatcher>();
        return builder;
    }
}
