using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace WijPlatform.ServiceDefaults.Security;

/// <summary>
/// Who is calling, bound in a handler straight from the verified token (<c>Caller caller</c>). It is
/// the only way a handler learns who did something: nothing about the caller travels in a header,
/// so a name in any script (Chloë, Jörg, Дмитрий) reaches the timeline as it was written.
/// </summary>
public sealed class Caller : IBindableFromHttpContext<Caller>
{
    private Caller(ClaimsPrincipal user) => User = user;

    public ClaimsPrincipal User { get; }

    public string? Subject => User.Subject();

    /// <summary>"name (role)", as timelines, plans and consents record who did it.</summary>
    public string Display => User.Display();

    public static Caller From(ClaimsPrincipal user) => new(user);

    public static ValueTask<Caller?> BindAsync(HttpContext context, ParameterInfo parameter) => ValueTask.FromResult<Caller?>(new(context.User));
}
