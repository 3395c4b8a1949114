#!/usr/bin/env python3
"""Speaker accuracy by found_by, for grammar/confidence.txt.

Reads the records of `quotetrack extract --format jsonl` over the PolNeAR
training split and judges each predicted quote with the matching rules of
../shared/eval/score.py (imported from beside the gold folder, not copied):
a quote is matched when at least half of it lies inside gold quotes, and of
the matched ones whose gold attribution names a source, its speaker is
right when score.py's speaker_ok says so. Prints, per found_by, the counts,
the accuracy and the confidence (accuracy smoothed towards the overall one
by PRIOR quotes), then the same with each publisher left out in turn
(confidence from the others, accuracy on the one left out), then the lines
of confidence.txt.

  cargo build --release
  ./target/release/quotetrack extract --format jsonl ../shared/eval/polnear/train/text/ > /tmp/pred.jsonl
  python3 examples/measure_confidence.py ../shared/eval/polnear/train /tmp/pred.jsonl
"""
import collections, importlib.util, json, os, sys

PRIOR = 10.0
WAYS = ['explicit', 'pronoun', 'role', 'continuation', 'continuation-inside', 'subject', 'headline',
        'layout', 'unresolved']
# Characters after which a quote stands inside a sentence (as
# src/extract.rs's inside_a_sentence reads the token before it).
INSIDE_AFTER = ',;:\u2014\u2013-('
OPENING_MARKS = ' \t\xa0"\'\u201c\u2018'


def way(r, text, b2c):
    """The record's found_by, or 'continuation-inside' for a speaker carried
    from a neighbouring quote into the middle of a sentence: after a word or
    a comma, colon, semicolon, dash or bracket, and not the second half of a
    split quote (`"Q1," X said, "Q2."`, whose cue stands right before it)."""
    if r['found_by'] != 'continuation':
        return r['found_by']
    start = b2c[r['quote']['start']]
    i = start
    while i > 0 and text[i - 1] in OPENING_MARKS:
        i -= 1
    if i == 0 or not (text[i - 1].isalnum() or text[i - 1] in INSIDE_AFTER):
        return 'continuation'
    cue = r.get('cue')
    if cue and cue['end'] <= r['quote']['start']:
        gap = text[b2c[cue['end']]:start]
        if gap.strip(OPENING_MARKS + ',:') == '':
            return 'continuation'
    return 'continuation-inside'


def load_score(gold_dir):
    path = os.path.join(os.path.dirname(os.path.abspath(gold_dir.rstrip('/'))), '..', 'score.py')
    spec = importlib.util.spec_from_file_location('score', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def judge(score, docs, pred_path):
    """{(publisher, found_by): [predicted, matched, judged, right]}"""
    table = collections.defaultdict(lambda: [0, 0, 0, 0])
    for line in open(pred_path, encoding='utf-8'):
        r = json.loads(line)
        doc = docs.get(r['doc'])
        if doc is None:
            continue
        b2c = doc.setdefault('_b2c', score.byte_to_char(doc['text']))
        q = r['quote']
        s, e = score.trim(doc['text'], b2c[q['start']], b2c[q['end']])
        if e <= s:
            continue
        sp = r.get('speaker')
        if sp and sp.get('start') is not None:
            sp['_chars'] = (b2c[sp['start']], b2c[sp['end']])
        row = table[(doc['publisher'], way(r, doc['text'], b2c))]
        row[0] += 1
        if sum(score.overlap((s, e), h) for h in doc['hull']) < 0.5 * (e - s):
            continue
        row[1] += 1
        gq = max(doc['quotes'], key=lambda g: score.overlap(g['span'], (s, e)))
        if not doc['attrs'][gq['attr']]['source']:
            continue  # gold names no source: nothing to judge
        row[2] += 1
        row[3] += bool(score.speaker_ok(doc, gq['attr'], sp))
    return table


def total(table, keep):
    out = collections.defaultdict(lambda: [0, 0, 0, 0])
    for (p, w), v in table.items():
        if keep(p):
            for i in range(4):
                out[w][i] += v[i]
    return out


def confidences(t):
    judged = sum(v[2] for v in t.values())
    right = sum(v[3] for v in t.values())
    p0 = right / judged if judged else 0.0
    return {w: round((t[w][3] + PRIOR * p0) / (t[w][2] + PRIOR), 2) for w in WAYS}, p0


def main():
    gold_dir, pred_path = sys.argv[1], sys.argv[2]
    score = load_score(gold_dir)
    table = judge(score, score.load_gold(gold_dir), pred_path)
    pubs = sorted({p for p, _ in table})
    everything = total(table, lambda p: True)
    conf, p0 = confidences(everything)
    print(f'# {len(pubs)} publishers; overall speaker accuracy {p0:.4f}; prior {PRIOR:g} quotes at it')
    print(f"{'found_by':20}{'predicted':>10}{'matched':>9}{'judged':>8}{'right':>7}{'accuracy':>10}{'confidence':>12}")
    for w in sorted(WAYS, key=lambda w: -conf[w]):
        n, m, j, r = everything[w]
        acc = f'{r / j:.3f}' if j else '-'
        print(f'{w:20}{n:>10}{m:>9}{j:>8}{r:>7}{acc:>10}{conf[w]:>12.2f}')

    print('\n# each publisher left out: confidence from the others -> accuracy on it (judged)')
    concordant = pairs = 0
    for held in pubs:
        c, _ = confidences(total(table, lambda p: p != held))
        t = total(table, lambda p: p == held)
        cells = []
        for w in sorted(WAYS, key=lambda w: -c[w]):
            j, r = t[w][2], t[w][3]
            cells.append(f"{w}:{c[w]:.2f}->{(f'{r / j:.2f}' if j else '-')}({j})")
        # Pairs of ways with 10 or more judged quotes on the held-out
        # publisher: does the others' confidence order them as they fare?
        ws = [w for w in WAYS if t[w][2] >= 10]
        conc = disc = 0
        for a in ws:
            for b in ws:
                if c[a] > c[b]:
                    acc_a, acc_b = t[a][3] / t[a][2], t[b][3] / t[b][2]
                    conc += acc_a > acc_b
                    disc += acc_a < acc_b
        concordant += conc
        pairs += conc + disc
        print(f'{held:13} in order {conc}/{conc + disc}  ' + '  '.join(cells))
    print(f'# pairs in the order of the confidences: {concordant}/{pairs}')

    print('\n# confidence.txt')
    for w in WAYS:
        print(f'{w}\t{conf[w]:.2f}')


if __name__ == '__main__':
    main()
