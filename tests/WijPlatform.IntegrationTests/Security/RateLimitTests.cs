namespace WijPlatform.IntegrationTests.Security;

/// <summary>
/// The rate limit, measured on a second real gateway in front of the same services, a resource of
/// the test stack started only here, with a small limit (2 requests a second, bursts of 5) so that
/// the test can reach it quickly.
/// </summary>
public sealed class RateLimitTests(StackFixture stack)
{
    [Fact]
    public async Task A_caller_over_the_limit_gets_429_with_Retry_After_while_others_go_on()
    {
        var identity = stack.Identity;
        try
        {
            await stack.StartResourceAsync(StackFixture.RateLimitedGateway, TestContext.Current.CancellationToken);

            HttpClient Caller(string subject) => new()
            {
                BaseAddress = stack.Host.UrlOf(StackFixture.RateLimitedGateway),
                DefaultRequestHeaders = { Authorization = new("Bearer", identity.CreateToken("coordinator", subject: subject)) },
            };
            using var busy = Caller("busy-app");
            using var quiet = Caller("quiet-app");
            const string path = "/api/matching/reports/active-volunteers";

            var answers = new List<HttpResponseMessage>();
            for (var i = 0; i < 12; i++)
            {
                answers.Add(await busy.GetAsync(path));
            }
            Assert.Equal(HttpStatusCode.OK, answers[0].StatusCode);
            var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
            Assert.NotEmpty(refused);
            Assert.InRange(answers.Count(a => a.StatusCode == HttpStatusCode.OK), 5, 8);
            var first = refused[0];
            Assert.Equal("application/problem+json", first.Content.Headers.ContentType?.MediaType);
            var retryAfter = int.Parse(first.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 5);

            // Another caller is not held up by the busy one.
            Assert.Equal(HttpStatusCode.OK, (await quiet.GetAsync(path)).StatusCode);

            // The busy caller is let in again once its window has passed: refused until then, answered within Retry-After (and some slack for a busy machine).
            await StackFixture.EventuallyAsync(async () =>
            {
                using var again = await busy.GetAsync(path);
                Assert.True(again.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"{(int)again.StatusCode}");
                return again.StatusCode == HttpStatusCode.OK;
            }, TimeSpan.FromSeconds(retryAfter + 10));
        }
        finally
        {
            await stack.StopResourceAsync(StackFixture.RateLimitedGateway, CancellationToken.None);
        }
    }
}
