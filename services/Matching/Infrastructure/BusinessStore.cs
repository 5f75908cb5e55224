namespace WijPlatform.Matching.Infrastructure;

public sealed class BusinessStore(NpgsqlDataSource db)
{
    private const string Columns = "id, name, contact_person AS ContactPerson, contact, postcode, created_at AS CreatedAt";

    public Task InsertAsync(UnitOfWork work, Business business, CancellationToken cancellationToken) =>
        work.ExecuteAsync(
            "INSERT INTO businesses (id, name, contact_person, contact, postcode, created_at) VALUES (@Id, @Name, @ContactPerson, @Contact, @Postcode, @CreatedAt)",
            business, cancellationToken: cancellationToken);

    public async Task<Business?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var session = await db.OpenSessionAsync(cancellationToken);
        return await session.QuerySingleOrDefaultAsync<Business>($"SELECT {Columns} FROM businesses WHERE id = @id", new { id }, cancellationToken: cancellationToken);
    }

    public Task<Page<Business>> ListAsync(PageRequest page, CancellationToken cancellationToken) =>
        db.QueryPageAsync<Business>(Columns, "businesses", "created_at DESC, id", null, page, cancellationToken);
}
