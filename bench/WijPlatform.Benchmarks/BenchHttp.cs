namespace WijPlatform.Benchmarks;

/// <summary>
/// The one place the benchmarks make HTTP clients. When the stack asks for authentication, the
/// bearer token is added here (DefaultRequestHeaders.Authorization) and every figure carries it.
/// </summary>
public static class BenchHttp
{
    public static HttpClient Create(Uri baseAddress) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
}
