#!/usr/bin/env python3
"""Writes the malformed-file corpus: one small export per case, invented data, no personal data.

Every case is imported by MalformedCorpusCLITests with `--survey codebook.yaml --year 2024`
into a store that already holds a 2023 wave; expected.tsv gives its one expected outcome (exit
status and the first line of the message, `{file}` standing for the path). The files are also
the seed corpus of the fuzzing harness (Fuzz/README.md). Run from this folder:
python3 generate.py
"""
import os

HEADER = b'id,submitdate,A01,A02'
CRLF = b'\r\n'


def csv(*rows, header=HEADER, end=CRLF, bom=b''):
    return bom + end.join([header] + [r if isinstance(r, bytes) else r.encode() for r in rows]) + end


def ok(i, a1='4', a2='5', date='2024-03-01 10:00:00'):
    return f'{i},{date},{a1},{a2}'


CASES = [
    # The reader: quoting, line ends, bytes, encodings.
    ('stray-quote', csv(ok(1), '2,2024-03-01 10:00:00,4"x,5')),
    ('text-after-closing-quote', csv(ok(1), '"2"x,2024-03-01 10:00:00,4,5')),
    ('unclosed-quote', csv(ok(1), '"2,2024-03-01 10:00:00,4,5', ok(3))),
    ('unclosed-quote-last-field', csv(ok(1)) + b'3,2024-03-01 10:00:00,4,"5'),
    ('nul-byte', csv(ok(1), b'2,2024-03-01 10:00:00,4\x00,5')),
    ('utf16-le-bom', b'\xff\xfe' + 'id,A01,A02\r\n1,4,5\r\n'.encode('utf-16-le')),
    ('utf16-be-bom', b'\xfe\xff' + 'id,A01,A02\r\n1,4,5\r\n'.encode('utf-16-be')),
    ('utf8-bad-byte-with-bom', csv(ok(1), ok(2), b'3,2024-03-01 10:00:00,4,5\xe8', bom=b'\xef\xbb\xbf')),
    ('utf8-bad-byte-among-utf8', csv(b'1,2024-03-01 10:00:00,4,5,citt\xc3\xa0', b'2,2024-03-01 10:00:00,4,5,ok', b'3,2024-03-01 10:00:00,4,5,caff\xe8', header=HEADER + b',nota')),
    ('utf8-truncated-at-end', csv(b'1,2024-03-01 10:00:00,4,5,citt\xc3\xa0', header=HEADER + b',nota') + b'2,2024-03-01 10:00:00,4,5,x\xe2\x82'),
    ('utf8-overlong', csv(ok(1), b'2,2024-03-01 10:00:00,4,5\xc0\xaf', bom=b'\xef\xbb\xbf')),
    ('utf8-surrogate', csv(ok(1), b'2,2024-03-01 10:00:00,4,5\xed\xa0\x80', bom=b'\xef\xbb\xbf')),
    ('windows1252-undefined-81', csv(b'1,2024-03-01 10:00:00,4,5', b'2,2024-03-01 10:00:00,\x81,5', header=b'id,submitdate,A01,A02')),
    ('windows1252-undefined-9d', csv(b'1,2024-03-01 10:00:00,4,5,perch\xe8', b'2,2024-03-01 10:00:00,4,5,x\x9d', header=HEADER + b',nota')),
    ('windows1252-valid', csv(b'1,2024-03-01 10:00:00,4,5,perch\xe8', b'2,2024-03-01 10:00:00,3,2,pi\xf9', header=HEADER + b',nota')),
    ('empty-file', b''),
    ('only-bom', b'\xef\xbb\xbf'),
    ('only-header', csv()),
    ('only-blank-lines', b'\r\n\r\n\r\n'),
    ('header-then-blank-lines', csv() + b'\r\n\r\n'),
    ('cr-line-ends', csv(ok(1), ok(2), end=b'\r')),
    ('lf-line-ends', csv(ok(1), ok(2), end=b'\n')),
    ('mixed-line-ends', csv(ok(1), ok(2)) + b'3,2024-03-01 10:00:00,4,5\n4,2024-03-01 10:00:00,4,5\r'),
    ('no-final-newline', csv(ok(1), ok(2)).rstrip(b'\r\n')),
    ('blank-lines-between', csv(ok(1), '', '', ok(2))),
    ('bom-twice', csv(ok(1), bom=b'\xef\xbb\xbf\xef\xbb\xbf')),
    ('bom-in-a-cell', csv(ok(1), '2,2024-03-01 10:00:00,\ufeff4,5')),
    ('semicolons', csv('1;2024-03-01 10:00:00;4;5', header=b'id;submitdate;A01;A02')),
    ('tabs', csv('1\t2024-03-01 10:00:00\t4\t5', header=b'id\tsubmitdate\tA01\tA02')),
    ('quoted-everything', csv('"1","2024-03-01 10:00:00","4","5"', header=b'"id","submitdate","A01","A02"')),
    ('doubled-quotes-in-id', csv('"a""b",2024-03-01 10:00:00,4,5')),
    ('line-break-in-quoted-header', csv('1,2024-03-01 10:00:00,4,5,x', header=b'id,submitdate,"A01",A02,"nota\r\nlunga"')),
    ('line-break-in-quoted-cell-then-error', csv('1,2024-03-01 10:00:00,4,5', '2,"2024-03-01\n10:00:00",9,5')),
    ('lone-cr-in-cell', csv(b'1,2024-03-01 10:00:00,4\r,5')),
    # Rows and columns.
    ('too-many-fields', csv(ok(1), '2,2024-03-01 10:00:00,4,5,6')),
    ('too-few-fields', csv(ok(1), '2,2024-03-01 10:00:00,4')),
    ('only-delimiters-row', csv(ok(1), ',,,')),
    ('missing-item-column', csv('1,2024-03-01 10:00:00,4', header=b'id,submitdate,A01')),
    ('duplicate-item-column', csv('1,2024-03-01 10:00:00,4,5,5', header=b'id,submitdate,A01,A02,A02')),
    ('header-repeated-as-row', csv('id,submitdate,A01,A02', ok(1))),
    ('ten-thousand-columns', csv('1,2024-03-01 10:00:00,4,5' + ',x' * 10000, header=HEADER + b''.join(b',Colonna %d' % i for i in range(10000)))),
    ('huge-header-cell', csv('1,2024-03-01 10:00:00,4,5,x', header=HEADER + b',' + b'Q' * 100000)),
    ('huge-bad-cell', csv(ok(1), '2,2024-03-01 10:00:00,' + 'z' * 100000 + ',5')),
    # Answers.
    ('answer-above-scale', csv(ok(1), ok(2, a1='9'))),
    ('answer-zero', csv(ok(1), ok(2, a2='0'))),
    ('answer-negative', csv(ok(1), ok(2, a1='-1'))),
    ('answer-fraction', csv(ok(1), ok(2, a1='4.5'))),
    ('answer-decimal-comma', csv(ok(1), ok(2, a1='"4,0"'))),
    ('answer-code-int-max', csv(ok(1), ok(2, a1='A9223372036854775807'))),
    ('answer-code-ao-overflow', csv(ok(1), ok(2, a1='AO99999999999999999999'))),
    ('answer-code-zero', csv(ok(1), ok(2, a1='A0'))),
    ('answer-code-negative', csv(ok(1), ok(2, a1='A-1'))),
    ('answer-huge-float', csv(ok(1), ok(2, a1='1e308'))),
    ('answer-nan', csv(ok(1), ok(2, a1='NaN'))),
    ('answer-infinity', csv(ok(1), ok(2, a1='inf'))),
    ('answer-fullwidth-digit', csv(ok(1), ok(2, a1='\uff15'))),
    ('answer-arabic-indic-digit', csv(ok(1), ok(2, a1='\u0664'))),
    ('answer-plus-sign', csv(ok(1), ok(2, a1='+4'))),
    ('answer-padded', csv(ok(1), ok(2, a1='" 4 "'))),
    ('answer-zero-width-space', csv(ok(1), ok(2, a1='4\u200b'))),
    ('answer-emoji', csv(ok(1), ok(2, a1='\U0001F642'))),
    ('answer-formula', csv(ok(1), ok(2, a1='=1+1'))),
    ('all-answers-empty', csv(ok(1, a1='', a2=''), ok(2, a1='', a2=''))),
    # Ids and dates.
    ('duplicate-id', csv(ok(1), ok(2), ok(1))),
    ('huge-id', csv(ok('99999999999999999999999999'), ok(2))),
    ('empty-ids', csv(ok(''), ok(''))),
    ('date-impossible', csv(ok(1), ok(2, date='2024-13-45 10:00:00'))),
    ('date-outside-year', csv(ok(1, date='2019-01-01 10:00:00'), ok(2, date='2019-02-01 10:00:00'))),
    ('date-huge-year', csv(ok(1, date='9999999999-01-01'), ok(2))),
    ('date-anonymised', csv(ok(1, date='1980-01-01 00:00:00'), ok(2, date='1980-01-01 00:00:00'))),
    ('header-repeated-midway', csv(ok(1), ok(2), 'id,submitdate,A01,A02', ok(3), ok(4))),
    ('qualtrics-broken-import-ids', csv('R_1,2024-03-01 10:00:00,4,5', header=b'ResponseId,EndDate,Q1,Q2\r\nResponse ID,End Date,Il mio lavoro \xc3\xa8 sicuro,Ho ricevuto una formazione adeguata\r\n{"ImportId":"_recordId"},{"ImportId":,{"ImportId":"QID1"},{"ImportId":"QID2"')),
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    folder = os.path.join(here, 'files')
    os.makedirs(folder, exist_ok=True)
    names = set()
    for number, (name, data) in enumerate(CASES, 1):
        file_name = f'{number:03d}-{name}.csv'
        names.add(file_name)
        with open(os.path.join(folder, file_name), 'wb') as out:
            out.write(data)
    for stale in set(os.listdir(folder)) - names:
        os.remove(os.path.join(folder, stale))
    print(f'{len(CASES)} cases in {folder}')


if __name__ == '__main__':
    main()
