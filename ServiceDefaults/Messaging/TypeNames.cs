using System.Collections.Concurrent;

namespace WijPlatform.ServiceDefaults.Messaging;

/// <summary>
/// The outbox's names for message types, both ways, looked up once per type: resolving an
/// assembly-qualified name is slow enough to show when the relay publishes hundreds a second.
/// </summary>
internal static class TypeNames
{
    private static readonly ConcurrentDictionary<Type, string> Names = new();
    private static readonly ConcurrentDictionary<string, Type> Types = new(StringComparer.Ordinal);

    public static string Of(Type type) => Names.GetOrAdd(type, t => $"{t.FullName}, {t.Assembly.GetName().Name}");

    public static Type Resolve(string name) => Types.GetOrAdd(name, n => Type.GetType(n, throwOnError: true)!);
}
