using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace WijPlatform.Gateway;

/// <summary>
/// The gateway's proxy pipeline: YARP's own steps, with a read that could not reach one instance of a
/// service tried once more on each other instance. Only reads (GET, HEAD) that failed before the
/// instance answered anything: nothing happened there, so asking another changes nothing. A write
/// is never sent twice by the gateway; a client retries it with an Idempotency-Key.
/// </summary>
public static class ReadRetry
{
    public static void Pipeline(IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(RetryReadsAsync);
        proxy.UseSessionAffinity();
        proxy.UseLoadBalancing();
        proxy.UsePassiveHealthChecks();
    }

    private static async Task RetryReadsAsync(HttpContext context, Func<Task> next)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await next();
            return;
        }
        var proxy = context.GetReverseProxyFeature();
        var tried = new HashSet<DestinationState>();
        while (true)
        {
            await next();
            if (context.Features.Get<IForwarderErrorFeature>() is not { Error: ForwarderError.Request } || context.Response.HasStarted
                || proxy.ProxiedDestination is not { } failed || !tried.Add(failed))
            {
                return;
            }
            var others = proxy.AllDestinations.Where(d => !tried.Contains(d)).ToList();
            if (others.Count == 0)
            {
                return;
            }
            proxy.AvailableDestinations = others;
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
    }
}
