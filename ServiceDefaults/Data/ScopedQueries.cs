using Dapper;
using Npgsql;
using WijPlatform.ServiceDefaults.Messaging;
using WijPlatform.ServiceDefaults.Security;

namespace WijPlatform.ServiceDefaults.Data;

/// <summary>
/// Reads what hangs under a record (a case's timeline, a household's members, a resident's consents,
/// a round's stops) only after the record is found to be the caller's: <c>ownerSql</c> gives the
/// record's owner (a neighbourhood, a volunteer), or no row when there is no such record; <c>read</c>
/// may find nothing under it too. Inside a unit of work <c>ownerSql</c> may lock the record (FOR
/// UPDATE) for the change that follows.
/// </summary>
public static class ScopedQueries
{
    public static Task<Scoped<T>> WithinTeamAsync<T>(this NpgsqlDataSource db, string ownerSql, object parameters, TeamScope scope, Func<Task<T?>> read, CancellationToken ct)
        where T : class =>
        WithinAsync<string?, T>(db, null, ownerSql, parameters, scope.Covers, TeamScope.Refusal, read, ct);

    public static Task<Scoped<T>> WithinTeamAsync<T>(this UnitOfWork work, string ownerSql, object parameters, TeamScope scope, Func<Task<T?>> read, CancellationToken ct)
        where T : class =>
        WithinAsync<string?, T>(null, work, ownerSql, parameters, scope.Covers, TeamScope.Refusal, read, ct);

    public static Task<Scoped<T>> WithinVolunteerAsync<T>(this NpgsqlDataSource db, string ownerSql, object parameters, VolunteerScope scope, Func<Task<T?>> read, CancellationToken ct)
        where T : class =>
        WithinAsync<Guid?, T>(db, null, ownerSql, parameters, scope.Covers, VolunteerScope.Refusal, read, ct);

    public static Task<Scoped<T>> WithinVolunteerAsync<T>(this UnitOfWork work, string ownerSql, object parameters, VolunteerScope scope, Func<Task<T?>> read, CancellationToken ct)
        where T : class =>
        WithinAsync<Guid?, T>(null, work, ownerSql, parameters, scope.Covers, VolunteerScope.Refusal, read, ct);

    private static async Task<Scoped<T>> WithinAsync<TOwner, T>(
        NpgsqlDataSource? db, UnitOfWork? work, string ownerSql, object parameters, Func<TOwner, bool> covers, string refusal, Func<Task<T?>> read, CancellationToken ct)
        where T : class
    {
        List<TOwner> owners;
        if (work is not null)
        {
            owners = (await work.Connection.QueryAsync<TOwner>(new CommandDefinition(ownerSql, parameters, work.Transaction, cancellationToken: ct))).ToList();
        }
        else
        {
            await using var connection = await db!.OpenConnectionAsync(ct);
            owners = (await connection.QueryAsync<TOwner>(new CommandDefinition(ownerSql, parameters, cancellationToken: ct))).ToList();
        }
        if (owners.Count == 0)
        {
            return Scoped.Missing<T>();
        }
        if (!covers(owners[0]))
        {
            return Scoped.Refused<T>(refusal);
        }
        return await read() is { } value ? Scoped.Of(value) : Scoped.Missing<T>();
    }
}
