using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Writes of a unit of work that wait to be sent together: Dapper-style statements (<c>@Name</c>
/// taken from the properties of a parameter object) joined into one multi-statement command, each
/// statement's parameters renamed so that two inserts of the same table cannot mix their values.
/// </summary>
public sealed partial class QueuedWrites
{
    private static readonly ConcurrentDictionary<Type, Dictionary<string, PropertyInfo>> Properties = new();

    private readonly List<(string Sql, object? Parameters)> _writes = [];

    public void Add(string sql, object? parameters) => _writes.Add((sql, parameters));

    /// <summary>The queued writes as one command, or null when none are queued; the queue is empty afterwards.</summary>
    public (string Sql, DynamicParameters Parameters)? Take()
    {
        if (_writes.Count == 0)
        {
            return null;
        }
        var sql = new StringBuilder();
        var parameters = new DynamicParameters();
        for (var i = 0; i < _writes.Count; i++)
        {
            var (statement, values) = _writes[i];
            var prefix = $"w{i}_";
            var properties = values is null ? [] : Properties.GetOrAdd(values.GetType(), Readable);
            sql.Append(Parameter().Replace(statement, match =>
            {
                var name = match.Groups[1].Value;
                if (!properties.TryGetValue(name, out var property))
                {
                    throw new InvalidOperationException($"The statement names @{name}, which its parameters do not have.");
                }
                if (!parameters.ParameterNames.Contains(prefix + property.Name))
                {
                    parameters.Add(prefix + property.Name, property.GetValue(values));
                }
                return "@" + prefix + property.Name;
            })).Append(";\n");
        }
        _writes.Clear();
        return (sql.ToString(), parameters);
    }

    private static Dictionary<string, PropertyInfo> Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    // @Name, but not the operators @> and <@ nor a doubled @@.
    [GeneratedRegex(@"(?<![@\w])@(\w+)")]
    private static partial Regex Parameter();
}
