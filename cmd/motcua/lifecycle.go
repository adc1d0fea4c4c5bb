package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"motcua/app/desk"
	"motcua/store"
	"motcua/store/workday"
)

// lifecycleCommands are the steps after intake; each prints the dossier as `show` does.
var lifecycleCommands = []command{
	{"handover", "bàn giao hồ sơ: -code MÃ -to TÊN_ĐĂNG_NHẬP [-note N]", runHandover},
	{"confirm", "xác nhận đã nhận hồ sơ được giao (người nhận, qua -by): -code MÃ", runConfirm},
	{"supplement", "yêu cầu bổ sung (Mẫu 02): -code MÃ -docs \"a;b\" -reason R [-guide TÊN_ĐĂNG_NHẬP]", runSupplement},
	{"resume", "đã nhận đủ giấy tờ bổ sung, tính lại hạn: -code MÃ", runResume},
	{"refuse", "từ chối tiếp nhận, giải quyết (Mẫu 03): -code MÃ -reason R", runRefuse},
	{"reschedule", "xin lỗi và đề nghị gia hạn (Mẫu 04, một lần): -code MÃ -days N -reason R [-unit U]", runReschedule},
	{"resolve", "đã xử lý xong: -code MÃ [-note N]", runResolve},
	{"return", "trả kết quả: -code MÃ [-recipient TÊN -recipient-idno CCCD]", runReturn},
	{"withdraw", "công dân rút hồ sơ: -code MÃ -reason R", runWithdraw},
	{"stop", "dừng giải quyết theo đề nghị của người nộp, in Thông báo dừng giải quyết hồ sơ (Mẫu 05): -code MÃ -reason R", runStop},
}

// actionFlags are the flags every lifecycle command takes.
type actionFlags struct {
	fs   *flag.FlagSet
	code *string
	at   *string
	note *string
}

func (e *env) actionFlags(name string) actionFlags {
	fs := e.newFlags(name)
	return actionFlags{fs: fs,
		code: fs.String("code", "", "mã hồ sơ"),
		at:   fs.String("at", "", "thời điểm thực hiện \"2026-01-26 08:15\" (mặc định: bây giờ; nhập lại từ sổ giấy thì ghi thời điểm thật)"),
		note: fs.String("note", "", "ghi chú"),
	}
}

// act parses the flags, opens the store and runs do with the action; it prints the dossier.
func (e *env) act(af actionFlags, args []string, check func() error, do func(d *desk.Desk, a store.Action) (store.Dossier, error)) error {
	if err := e.parse(af.fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(*af.code) == "" {
		return usagef("-code: hãy nhập mã hồ sơ")
	}
	if check != nil {
		if err := check(); err != nil {
			return err
		}
	}
	at, err := parseTimeFlag("-at", *af.at)
	if err != nil {
		return err
	}
	return e.withDesk(func(d *desk.Desk) error {
		dos, err := do(d, store.Action{Code: strings.TrimSpace(*af.code), By: e.by, At: at, Note: *af.note})
		if err != nil {
			return err
		}
		return e.showDossier(d, dos)
	})
}

func required(flagName, v, what string) func() error {
	return func() error {
		if strings.TrimSpace(v) == "" {
			return usagef("%s: hãy nhập %s", flagName, what)
		}
		return nil
	}
}

func runHandover(e *env, args []string) error {
	af := e.actionFlags("handover")
	to := af.fs.String("to", "", "tên đăng nhập của người nhận")
	return e.act(af, args, func() error { return required("-to", *to, "tên đăng nhập của người nhận")() },
		func(d *desk.Desk, a store.Action) (store.Dossier, error) { return d.Store.Handover(e.ctx, a, *to) })
}

func runConfirm(e *env, args []string) error {
	af := e.actionFlags("confirm")
	return e.act(af, args, nil, func(d *desk.Desk, a store.Action) (store.Dossier, error) {
		return d.Store.ConfirmHandover(e.ctx, a)
	})
}

func runSupplement(e *env, args []string) error {
	af := e.actionFlags("supplement")
	docs := af.fs.String("docs", "", "giấy tờ cần bổ sung, cách nhau bởi ';'")
	reason := af.fs.String("reason", "", "lý do")
	guide := af.fs.String("guide", "", "cán bộ hướng dẫn (tên đăng nhập; mặc định: người thực hiện)")
	phone := af.fs.String("guide-phone", "", "số điện thoại của người hướng dẫn (mặc định: của cán bộ đó)")
	check := func() error {
		if err := required("-docs", *docs, "các giấy tờ cần bổ sung, cách nhau bởi ';'")(); err != nil {
			return err
		}
		return required("-reason", *reason, "lý do yêu cầu bổ sung")()
	}
	return e.act(af, args, check, func(d *desk.Desk, a store.Action) (store.Dossier, error) {
		var missing []store.ReceivedDocument
		dos, err := d.Store.Dossier(e.ctx, e.by, a.Code)
		if err != nil {
			return dos, err
		}
		p, err := d.Store.Procedure(e.ctx, dos.ProcedureCode)
		if err != nil {
			return dos, err
		}
		if missing, err = pickDocuments(p, *docs); err != nil {
			return dos, err
		}
		return d.Store.RequestSupplement(e.ctx, a, store.Supplement{Missing: missing, Reason: *reason, Guide: *guide, GuidePhone: *phone})
	})
}

func runResume(e *env, args []string) error {
	af := e.actionFlags("resume")
	return e.act(af, args, nil, func(d *desk.Desk, a store.Action) (store.Dossier, error) {
		// The clock restarts: the citizen gets a new Mẫu 01 with the new due time.
		r, err := d.Resume(e.ctx, a)
		if err == nil {
			if r.PrintErr != nil {
				fmt.Fprintln(e.stderr, "motcua: cảnh báo:", r.PrintErr)
			}
			if r.SlipPath != "" {
				fmt.Fprintln(e.stderr, "motcua: giấy tiếp nhận và hẹn trả mới (Mẫu 01):", r.SlipPath)
			}
		}
		return r.Dossier, err
	})
}

// reasonCommand is refuse, withdraw and stop: a code and a reason.
func reasonCommand(name string, do func(s *store.Store, ctx context.Context, a store.Action, reason string) (store.Dossier, error)) func(e *env, args []string) error {
	return func(e *env, args []string) error {
		af := e.actionFlags(name)
		reason := af.fs.String("reason", "", "lý do")
		return e.act(af, args, func() error { return required("-reason", *reason, "lý do")() },
			func(d *desk.Desk, a store.Action) (store.Dossier, error) { return do(d.Store, e.ctx, a, *reason) })
	}
}

var (
	runRefuse   = reasonCommand("refuse", (*store.Store).Refuse)
	runWithdraw = reasonCommand("withdraw", (*store.Store).Withdraw)
)

// runStop records the stop and writes its notice, Mẫu 05, into the archive (its path on
// stderr: stdout stays the dossier's JSON).
func runStop(e *env, args []string) error {
	af := e.actionFlags("stop")
	reason := af.fs.String("reason", "", "lý do")
	return e.act(af, args, func() error { return required("-reason", *reason, "lý do")() },
		func(d *desk.Desk, a store.Action) (store.Dossier, error) {
			dos, err := d.Store.Stop(e.ctx, a, *reason)
			if err != nil {
				return dos, err
			}
			path, err := d.Form(e.ctx, a.By, dos.Code, "05")
			if err != nil {
				return dos, fmt.Errorf("đã dừng giải quyết hồ sơ %s nhưng chưa tạo được Mẫu 05 (in lại: motcua slip -code %s -form 05): %w", dos.Code, dos.Code, err)
			}
			fmt.Fprintln(e.stderr, "Mẫu 05 — "+desk.FormName("05")+": "+path)
			return dos, nil
		})
}

func runReschedule(e *env, args []string) error {
	af := e.actionFlags("reschedule")
	days := af.fs.Int("days", 0, "số ngày làm việc hẹn thêm")
	reason := af.fs.String("reason", "", "lý do chậm trễ")
	unit := af.fs.String("unit", "", "cơ quan, đơn vị gây chậm trễ")
	check := func() error {
		if *days < 1 {
			return usagef("-days: hãy nhập số ngày làm việc hẹn thêm (từ 1)")
		}
		return required("-reason", *reason, "lý do chậm trễ")()
	}
	return e.act(af, args, check, func(d *desk.Desk, a store.Action) (store.Dossier, error) {
		return d.Store.Reschedule(e.ctx, a, *days, *reason, *unit)
	})
}

func runResolve(e *env, args []string) error {
	af := e.actionFlags("resolve")
	return e.act(af, args, nil, func(d *desk.Desk, a store.Action) (store.Dossier, error) {
		return d.Store.Resolve(e.ctx, a)
	})
}

func runReturn(e *env, args []string) error {
	af := e.actionFlags("return")
	name := af.fs.String("recipient", "", "họ tên người nhận kết quả (mặc định: người nộp)")
	idno := af.fs.String("recipient-idno", "", "số CCCD của người nhận")
	return e.act(af, args, nil, func(d *desk.Desk, a store.Action) (store.Dossier, error) {
		return d.Store.Return(e.ctx, a, store.Recipient{Name: *name, IDNo: *idno})
	})
}

// eventJSON is one step of a dossier's history in the CLI.
type eventJSON struct {
	At         string `json:"at"`
	RecordedAt string `json:"recorded_at"`
	By         string `json:"by"`
	Kind       string `json:"kind"`
	FromStatus int    `json:"from_status"`
	ToStatus   int    `json:"to_status"`
	Note       string `json:"note,omitempty"`
}

func rfc(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(workday.Loc).Format(time.RFC3339)
}

// showDossier prints the dossier with its history, as `show` and every lifecycle command do.
func (e *env) showDossier(d *desk.Desk, dos store.Dossier) error {
	out := toJSON(dos)
	events, err := d.Store.Events(e.ctx, e.by, dos.Code)
	if err != nil {
		return err
	}
	out.Events = []eventJSON{}
	for _, ev := range events {
		out.Events = append(out.Events, eventJSON{At: rfc(ev.At), RecordedAt: rfc(ev.RecordedAt), By: ev.By,
			Kind: string(ev.Kind), FromStatus: int(ev.FromStatus), ToStatus: int(ev.ToStatus), Note: ev.Note})
	}
	return e.printJSON(out)
}
