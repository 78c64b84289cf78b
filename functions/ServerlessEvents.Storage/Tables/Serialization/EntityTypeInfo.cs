using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using System.Runtime.Serialization;

namespace ServerlessEvents.Storage.Tables.Serialization;

/// <summary>
/// The mapped properties of a POCO entity type: public instance properties with a public getter,
/// of a supported type, except the <see cref="ITableEntity"/> members and [IgnoreDataMember] ones.
/// Built once per type and cached.
/// </summary>
internal sealed class EntityTypeInfo
{
    private static readonly ConcurrentDictionary<Type, EntityTypeInfo> Cache = new();

    private static readonly FrozenSet<string> SystemNames =
        new[] { nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey), nameof(ITableEntity.Timestamp), nameof(ITableEntity.ETag) }
            .ToFrozenSet(StringComparer.Ordinal);

    private EntityTypeInfo(Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetGetMethod() is not null && p.GetIndexParameters().Length == 0)
            .Where(p => !SystemNames.Contains(p.Name) && p.GetCustomAttribute<IgnoreDataMemberAttribute>() is null)
            .Select(p => Create(type, p))
            .ToArray();
        Properties = properties;
        ByName = properties.Where(p => p.CanRead).ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);
    }

    public EntityProperty[] Properties { get; }

    public FrozenDictionary<string, EntityProperty> ByName { get; }

    public static EntityTypeInfo Get(Type type) => Cache.GetOrAdd(type, static t => new EntityTypeInfo(t));

    private static EntityProperty Create(Type entityType, PropertyInfo property)
    {
        var propertyType = property.PropertyType;
        var core = Nullable.GetUnderlyingType(propertyType) ?? propertyType;
        if (!IsSupported(core))
        {
            throw new NotSupportedException(
                $"{entityType.Name}.{property.Name} has type {propertyType.Name}, which Table storage cannot store; " +
                "mark it [IgnoreDataMember] or use string, int, long, double, bool, Guid, DateTime, DateTimeOffset, byte[], BinaryData or an enum.");
        }
        var accessorType = typeof(EntityProperty<,>).MakeGenericType(property.DeclaringType!, propertyType);
        return (EntityProperty)Activator.CreateInstance(accessorType, property)!;
    }

    private static bool IsSupported(Type t) =>
        t == typeof(string) || t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(bool) ||
        t == typeof(Guid) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(byte[]) ||
        t == typeof(BinaryData) || t.IsEnum;
}
