using System.Buffers;

namespace PaymentEvents.Protocol.Json;

/// <summary>Orders two members; implemented by a (ref) struct so calls are devirtualised.</summary>
internal interface IMemberComparer<in T>
{
    int Compare(T x, T y);
}

/// <summary>
/// Sorts object members without allocating: insertion sort for the usual handful of keys, merge sort
/// (O(n log n), pooled scratch) for large objects so a hostile body cannot make it quadratic.
/// </summary>
internal static class MemberSort
{
    private const int InsertionThreshold = 24;

    public static void Sort<T, TComparer>(Span<T> items, TComparer comparer)
        where TComparer : IMemberComparer<T>, allows ref struct
    {
        if (items.Length <= InsertionThreshold)
        {
            InsertionSort(items, comparer);
            return;
        }

        var scratch = ArrayPool<T>.Shared.Rent(items.Length);
        try
        {
            MergeSort(items, scratch.AsSpan(0, items.Length), comparer);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(scratch);
        }
    }

    private static void InsertionSort<T, TComparer>(Span<T> items, TComparer comparer)
        where TComparer : IMemberComparer<T>, allows ref struct
    {
        for (var i = 1; i < items.Length; i++)
        {
            var current = items[i];
            var j = i - 1;
            while (j >= 0 && comparer.Compare(items[j], current) > 0)
            {
                items[j + 1] = items[j];
                j--;
            }

            items[j + 1] = current;
        }
    }

    private static void MergeSort<T, TComparer>(Span<T> items, Span<T> scratch, TComparer comparer)
        where TComparer : IMemberComparer<T>, allows ref struct
    {
        if (items.Length <= InsertionThreshold)
        {
            InsertionSort(items, comparer);
            return;
        }

        var mid = items.Length / 2;
        MergeSort(items[..mid], scratch[..mid], comparer);
        MergeSort(items[mid..], scratch[mid..], comparer);

        items.CopyTo(scratch);
        var left = scratch[..mid];
        var right = scratch[mid..];
        int l = 0, r = 0, k = 0;
        while (l < left.Length && r < right.Length)
        {
            items[k++] = comparer.Compare(left[l], right[r]) <= 0 ? left[l++] : right[r++];
        }

        while (l < left.Length)
        {
            items[k++] = left[l++];
        }

        while (r < right.Length)
        {
            items[k++] = right[r++];
        }
    }
}
