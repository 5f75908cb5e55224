using System.Collections.Concurrent;

namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Writes of a unit of work that wait to be sent together, as the commands of one
/// <see cref="NpgsqlBatch"/>: one round trip for all of them. Each statement keeps its own named
/// parameters (Dapper's convention, <c>@Name</c> from the properties of a parameter object, only those
/// the statement names), which Npgsql binds per command, so two inserts into one table never share a value.
/// </summary>
public sealed class QueuedWrites
{
    private static readonly ConcurrentDictionary<Type, (string Name, Func<object, NpgsqlParameter> Bind)[]> Binders = new();
    private static readonly MethodInfo BindMethod = typeof(QueuedWrites).GetMethod(nameof(Bind), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly List<NpgsqlBatchCommand> _commands = [];

    public int Count => _commands.Count;

    /// <summary>
    /// Queues one statement (Npgsql sends a batch's commands one statement each); the values of
    /// <paramref name="parameters"/> are read now, so a later change to that object is not written.
    /// </summary>
    public void Add(string sql, object? parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        if (parameters is not null)
        {
            // As Dapper does: a record passed whole (a case with its household's regisseur) sends only
            // the values its statement names, not every property it happens to carry.
            foreach (var (name, bind) in Binders.GetOrAdd(parameters.GetType(), BindersOf))
            {
                if (Names(sql, name))
                {
                    command.Parameters.Add(bind(parameters));
                }
            }
        }
        _commands.Add(command);
    }

    /// <summary>The queued writes as one batch, in order, or null when none are queued; the queue is empty afterwards.</summary>
    public NpgsqlBatch? Take()
    {
        if (_commands.Count == 0)
        {
            return null;
        }
        var batch = new NpgsqlBatch();
        foreach (var command in _commands)
        {
            batch.BatchCommands.Add(command);
        }
        _commands.Clear();
        return batch;
    }

    private static (string, Func<object, NpgsqlParameter>)[] BindersOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => (p.Name, (Func<object, NpgsqlParameter>)BindMethod.MakeGenericMethod(p.PropertyType).Invoke(null, [p])!))
            .ToArray();

    /// <summary>Whether <paramref name="sql"/> has the placeholder <c>@name</c> (not merely a longer name that starts with it).</summary>
    private static bool Names(string sql, string name)
    {
        var placeholder = "@" + name;
        for (var at = sql.IndexOf(placeholder, StringComparison.OrdinalIgnoreCase); at >= 0; at = sql.IndexOf(placeholder, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + placeholder.Length;
            if (end == sql.Length || !(char.IsLetterOrDigit(sql[end]) || sql[end] == '_'))
            {
                return true;
            }
        }
        return false;
    }

    // A value is typed by what it is (a list behind an interface goes as the list it is); a null by the
    // property's type, as Dapper does, so that PostgreSQL knows the type of "@x IS NULL".
    private static Func<object, NpgsqlParameter> Bind<T>(PropertyInfo property)
    {
        var name = property.Name;
        var typedNull = !typeof(T).IsInterface && typeof(T) != typeof(object);
        return owner => property.GetValue(owner) switch
        {
            { } value => new NpgsqlParameter(name, value),
            null when typedNull => new NpgsqlParameter<T>(name, default(T)!),
            null => new NpgsqlParameter(name, DBNull.Value),
        };
    }
}
