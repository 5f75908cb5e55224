using Microsoft.AspNetCore.Http;

namespace WijPlatform.ServiceDefaults.Security;

/// <summary>
/// Services write "who did it" from the X-Actor header; this sets it from the verified token and
/// overwrites whatever the client sent, so nobody can sign a timeline entry with another name.
/// </summary>
internal sealed class ActorHeader(RequestDelegate next)
{
    public const string Name = "X-Actor";

    public Task InvokeAsync(HttpContext context)
    {
        context.Request.Headers.Remove(Name);
        if (context.User.Identity?.IsAuthenticated == true)
        {
            context.Request.Headers[Name] = context.User.Display();
        }
        return next(context);
    }
}
