/* The C ceiling for a libcsv-based reader, used by bench/run.py.
 *
 *   scan      FILE   parse every record with libcsv and count fields (nothing else)
 *   aggregate FILE   the same parse, plus what `polso import --dry-run` computes at least:
 *                    for each of the 40 item columns, the count and sum of the answers 1..6,
 *                    per value of the last column (gender); prints the group means
 *
 * Build: cc -O2 -o scan bench/c/scan.c -lcsv
 * Reads the file in 1 MiB blocks, like a streaming reader; memory stays flat.
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ITEMS 40
#define FIRST_ITEM 3
#define GROUPS 3

struct state {
    int aggregate;
    long records;
    long fields;
    size_t column;
    int answers[ITEMS];
    double sum[GROUPS][ITEMS];
    long count[GROUPS][ITEMS];
};

static void on_field(void *bytes, size_t length, void *context) {
    struct state *s = context;
    s->fields++;
    if (s->aggregate && s->records > 0) {
        size_t item = s->column - FIRST_ITEM;
        if (s->column >= FIRST_ITEM && item < ITEMS) {
            const char *c = bytes;
            s->answers[item] = (length == 1 && c[0] >= '1' && c[0] <= '6') ? c[0] - '0' : 0;
        } else if (s->column == FIRST_ITEM + ITEMS) {
            int group = length == 0 ? 2 : (((const char *)bytes)[0] == 'D' ? 0 : 1);
            for (int i = 0; i < ITEMS; i++) {
                if (s->answers[i]) {
                    s->sum[group][i] += s->answers[i];
                    s->count[group][i]++;
                }
            }
        }
    }
    s->column++;
}

static void on_record(int terminator, void *context) {
    (void)terminator;
    struct state *s = context;
    s->records++;
    s->column = 0;
}

int main(int argc, char **argv) {
    if (argc != 3 || (strcmp(argv[1], "scan") != 0 && strcmp(argv[1], "aggregate") != 0)) {
        fprintf(stderr, "usage: scan scan|aggregate FILE\n");
        return 2;
    }
    FILE *file = fopen(argv[2], "rb");
    if (!file) {
        perror(argv[2]);
        return 1;
    }
    static struct state s;
    s.aggregate = strcmp(argv[1], "aggregate") == 0;
    struct csv_parser parser;
    if (csv_init(&parser, CSV_APPEND_NULL) != 0) return 1;
    static char block[1 << 20];
    size_t read;
    while ((read = fread(block, 1, sizeof block, file)) > 0) {
        if (csv_parse(&parser, block, read, on_field, on_record, &s) != read) {
            fprintf(stderr, "%s: %s\n", argv[2], csv_strerror(csv_error(&parser)));
            return 1;
        }
    }
    csv_fini(&parser, on_field, on_record, &s);
    csv_free(&parser);
    fclose(file);
    printf("%ld records, %ld fields\n", s.records, s.fields);
    if (s.aggregate) {
        for (int g = 0; g < GROUPS; g++) {
            double total = 0;
            long n = 0;
            for (int i = 0; i < ITEMS; i++) {
                total += s.sum[g][i];
                n += s.count[g][i];
            }
            printf("group %d: %ld answers, mean %.6f\n", g, n, n ? total / n : 0.0);
        }
    }
    return 0;
}
