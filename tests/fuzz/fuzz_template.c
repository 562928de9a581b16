/* fuzz_template.c - any bytes as a template of forms/: slip_parse, then render
 * at a receipt width and an A4 width, with an empty context and with one
 * holding long Chinese values and a two-record list. */
#include "fuzz.h"
#include "bianmin/slip.h"

static void render(const slip_form *f, const slip_ctx *ctx)
{
	static const int widths[] = {32, 80};
	for (size_t i = 0; i < sizeof widths / sizeof *widths; i++)
		free(slip_render_text(f, ctx, widths[i]));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_str(data, size);
	bm_diags d = {0};
	slip_form *f = slip_parse("fuzz.tmpl", text, &d);
	if (f) {
		slip_ctx *ctx = slip_ctx_new();
		render(f, ctx);
		slip_ctx_set(ctx, "center_name", "城关镇便民服务中心（一站式受理、全程代办、限时办结）");
		slip_ctx_set(ctx, "applicant", "张三");
		slip_ctx_set(ctx, "fee", "12.50");
		for (int i = 0; i < 2; i++) {
			slip_ctx *m = slip_ctx_add(ctx, "materials");
			slip_ctx_set(m, "name", i ? "户口簿" : "居民身份证原件及复印件（正反面复印在同一页A4纸上）");
			slip_ctx_set(m, "copies", "2");
		}
		render(f, ctx);
		slip_ctx_free(ctx);
		slip_free(f);
	}
	diags_free(&d);
	free(text);
	return 0;
}
