using System.Reflection;
using System.Reflection.Emit;
using PaymentEvents.Admin;
using PaymentEvents.Dashboard.Pages;
using PaymentEvents.Storage;

namespace PaymentEvents.Tests.Architecture;

/// <summary>
/// Features of the PaymentEvents assembly (<c>PaymentEvents.Admin</c>, <c>PaymentEvents.Receiver</c>, ...; a nested
/// namespace such as <c>Dashboard.Pages</c> counts as its feature) do not depend on each other in a circle. A type
/// depends on what its signatures name (base type, interfaces, fields, properties, parameters, return types, generic
/// arguments) and on what its method bodies call, construct, read or cast to (read from the IL, so a static call such
/// as <c>EventIdRoute.Decode(...)</c> counts); compiler-made types (lambdas, async state machines) count for the type
/// that declares them.
/// </summary>
public sealed class NamespaceCycleTests
{
    private static readonly Assembly Library = typeof(PaymentEventsHostingExtensions).Assembly;

    [Fact]
    public void No_feature_depends_on_itself_through_others()
    {
        var graph = FeatureGraph();

        // Every feature, so a new one is covered too (issue 17 found Admin<->Dashboard, Admin<->Rejections,
        // Receiver<->Rejections; Handlers->Processing closed two more through the processing-options validator).
        var cycles = graph.Keys.Order(StringComparer.Ordinal).Select(start => CycleThrough(graph, start)).Where(c => c is not null).Select(c => string.Join(" -> ", c!)).Distinct().ToList();

        Assert.True(cycles.Count == 0, "Namespace cycles: " + string.Join("; ", cycles) + Environment.NewLine + Describe(graph));
    }

    [Fact]
    public void The_scan_sees_references_made_only_inside_method_bodies()
    {
        // Neither type names EventStatusText in a signature: only a call in a method body (a record's factory, a Razor
        // page's property), so a scan that read signatures alone would miss both and could pass with a cycle.
        Assert.Contains(typeof(EventStatusText), ReferencedTypes(typeof(EventSummary)));
        Assert.Contains(typeof(EventStatusText), ReferencedTypes(typeof(StatusBadge)));
        Assert.DoesNotContain(typeof(EventStatusText), SignatureTypes(typeof(EventSummary)));
        // A generic method's type argument counts: AddPaymentEventsShared names InboxSignal only that way.
        Assert.Contains(typeof(PaymentEvents.Processing.InboxSignal), ReferencedTypes(typeof(PaymentEvents.Hosting.SharedServiceCollectionExtensions)));
    }

    /// <summary>Feature -> the features its types use (itself left out).</summary>
    private static Dictionary<string, HashSet<string>> FeatureGraph()
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in Library.GetTypes())
        {
            if (FeatureOf(type) is not { } from)
            {
                continue;
            }

            var uses = graph.TryGetValue(from, out var set) ? set : graph[from] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var used in ReferencedTypes(type))
            {
                if (FeatureOf(used) is { } to && to != from)
                {
                    uses.Add(to);
                }
            }
        }

        return graph;
    }

    /// <summary><c>PaymentEvents.X.Y</c> -> X; null outside the assembly's feature namespaces (the root, other assemblies).</summary>
    private static string? FeatureOf(Type type)
    {
        while (type.IsNested)
        {
            type = type.DeclaringType!;
        }

        if (type.Assembly != Library || type.Namespace is not { } ns || !ns.StartsWith("PaymentEvents.", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns["PaymentEvents.".Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<Type> SignatureTypes(Type type) =>
        type.GetFields(All).Select(f => f.FieldType)
            .Concat(type.GetProperties(All).Select(p => p.PropertyType))
            .Concat(Methods(type).SelectMany(m => m.GetParameters()).Select(p => p.ParameterType))
            .Concat(type.GetMethods(All).Select(m => m.ReturnType))
            .SelectMany(Expand);

    /// <summary>What a type's signatures name and what its method bodies use.</summary>
    private static IEnumerable<Type> ReferencedTypes(Type type) =>
        new[] { type.BaseType }.OfType<Type>().Concat(type.GetInterfaces()).SelectMany(Expand)
            .Concat(SignatureTypes(type))
            .Concat(Methods(type).SelectMany(BodyReferences).SelectMany(Expand));

    private static IEnumerable<MethodBase> Methods(Type type) => type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All));

    /// <summary>A type with its element type and generic arguments (<c>Task&lt;List&lt;X&gt;&gt;</c> names X).</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var t in Expand(type.GetElementType()!))
            {
                yield return t;
            }
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var t in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return t;
            }
        }
    }

    /// <summary>The types a method body names: what it calls, constructs, reads, writes, casts to or loads a token of.</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var code = il[position] == 0xFE ? TwoByte[il[position + 1]] : OneByte[il[position]];
            position += code.Size;
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, position), typeArguments, methodArguments);
                switch (member)
                {
                    case Type t:
                        yield return t;
                        break;
                    case FieldInfo f:
                        yield return f.DeclaringType!;
                        yield return f.FieldType;
                        break;
                    case MethodBase m:
                        yield return m.DeclaringType!;
                        // services.TryAddSingleton<InboxSignal>() names InboxSignal only as the method's type argument.
                        foreach (var argument in m.IsGenericMethod ? m.GetGenericArguments() : [])
                        {
                            yield return argument;
                        }

                        break;
                }
            }

            position += OperandSize(code.OperandType, il, position);
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int position) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };

    private static readonly OpCode[] OneByte = new OpCode[256];
    private static readonly OpCode[] TwoByte = new OpCode[256];

#pragma warning disable CA1810 // the opcode tables are filled once from OpCodes' fields
    static NamespaceCycleTests()
#pragma warning restore CA1810
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            var value = (ushort)code.Value;
            if (code.Size == 1)
            {
                OneByte[value] = code;
            }
            else
            {
                TwoByte[value & 0xFF] = code;
            }
        }
    }

    /// <summary>A path start -> ... -> start, or null when none.</summary>
    private static List<string>? CycleThrough(Dictionary<string, HashSet<string>> graph, string start)
    {
        var path = new List<string> { start };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return Search(start) ? path : null;

        bool Search(string node)
        {
            foreach (var next in graph.TryGetValue(node, out var edges) ? edges.Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
            {
                if (next == start)
                {
                    path.Add(start);
                    return true;
                }

                if (seen.Add(next))
                {
                    path.Add(next);
                    if (Search(next))
                    {
                        return true;
                    }

                    path.RemoveAt(path.Count - 1);
                }
            }

            return false;
        }
    }

    private static string Describe(Dictionary<string, HashSet<string>> graph) =>
        string.Join(Environment.NewLine, graph.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} -> {string.Join(", ", p.Value.Order(StringComparer.Ordinal))}"));
}
