namespace WijPlatform.Hosting;

/// <summary>
/// <c>token &lt;role&gt; [--team T] [--sub S] [--claim k=v] [--hours N]</c>: prints a development token
/// signed with the state folder's identity-provider key. It exists only here, in the AppHost.
/// </summary>
public static class TokenCommand
{
    public static int Run(string[] args, AppHostOptions options)
    {
        if (args.Length < 2 || !Roles.Contains(args[1]))
        {
            Console.Error.WriteLine($"usage: token <{string.Join('|', Roles)}> [--team T] [--professional-id G] [--volunteer-id G] [--partner-org O] [--resident-id G] [--sub S] [--claim k=v] [--hours N]");
            return 2;
        }
        var claims = new Dictionary<string, string>();
        string? subject = null;
        var hours = 8.0;
        for (var i = 2; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--team": claims["team"] = args[i + 1]; break;
                case "--professional-id": claims["professional_id"] = args[i + 1]; break;
                case "--volunteer-id": claims["volunteer_id"] = args[i + 1]; break;
                case "--partner-org": claims["partner_org"] = args[i + 1]; break;
                case "--resident-id": claims["resident_id"] = args[i + 1]; break;
                case "--sub": subject = args[i + 1]; break;
                case "--hours": hours = double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--claim" when args[i + 1].Split('=', 2) is [var key, var value]: claims[key] = value; break;
                case "--state-dir": break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }
        var identity = DevelopmentIdentity.ForState(options.StateDirectory);
        Console.WriteLine(identity.CreateToken(args[1], claims, TimeSpan.FromHours(hours), subject));
        return 0;
    }

    public static readonly string[] Roles = ["desk", "professional", "coordinator", "volunteer", "cafe", "partner", "resident", "operator", "admin"];
}
