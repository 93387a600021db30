package org.orgllm.inference.sampling;

/**
 * HF's {@code TopKLogitsWarper}: finds the k-th largest logit (as {@code torch.topk} would, counting
 * {@code -inf} entries) and masks every logit strictly below it, so ties with the k-th value survive
 * and more than k tokens may remain. A size-k min-heap finds the threshold in O(V log k) without
 * sorting the vocabulary.
 */
final class TopKWarper implements LogitsProcessor {

    private final int k;
    private final float[] heap;

    TopKWarper(int k) {
        this.k = k;
        this.heap = new float[k];
    }

    @Override
    public void process(float[] logits, TokenHistory history) {
        if (k >= logits.length) {
            return;
        }
        float threshold = kthLargest(logits);
        for (int i = 0; i < logits.length; i++) {
            if (logits[i] < threshold) {
                logits[i] = Float.NEGATIVE_INFINITY;
            }
        }
    }

    private float kthLargest(float[] logits) {
        System.arraycopy(logits, 0, heap, 0, k);
        for (int i = k / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
        for (int i = k; i < logits.length; i++) {
            if (logits[i] > heap[0]) {
                heap[0] = logits[i];
                siftDown(0);
            }
        }
        return heap[0];
    }

    private void siftDown(int i) {
        float value = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= k) {
                break;
            }
            if (child + 1 < k && heap[child + 1] < heap[child]) {
                child++;
            }
            if (heap[child] >= value) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = value;
    }
}
