using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace WijPlatform.Notices.Sending;

public static class SenderExtensions
{
    public static IHostApplicationBuilder AddSender(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Notices:Sender");
        builder.Services.Configure<SenderOptions>(section);
        var kind = section.Get<SenderOptions>()?.Kind ?? "folder";
        switch (kind)
        {
            case "folder":
                builder.Services.AddSingleton<ISender, FolderSender>();
                break;
            case "smtp" when !string.IsNullOrWhiteSpace(section["SmtpHost"]):
                builder.Services.AddSingleton<ISender, SmtpSender>();
                break;
            default:
                throw new InvalidOperationException($"Notices:Sender:Kind '{kind}' needs a sender: 'folder', or 'smtp' with Notices:Sender:SmtpHost.");
        }
        return builder;
    }
}
