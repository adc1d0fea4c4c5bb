package store

import (
	"context"
	"fmt"
)

// Permission is one kind of operation the store guards. Every operation checks its permission
// against the acting official's role here, whoever calls (window, kiosk or CLI): hiding a button
// is never the only guard.
type Permission string

const (
	PermReceive      Permission = "receive"       // tiếp nhận hồ sơ
	PermViewDossiers Permission = "view_dossiers" // sổ theo dõi, tra cứu, in lại phiếu
	PermPromptRating Permission = "prompt_rating" // mời người dân đánh giá
	PermReportOwn    Permission = "report_own"    // kết quả của chính mình
	PermReportAll    Permission = "report_all"    // scorecards of every official, agency reports
	PermViewAudit    Permission = "view_audit"    // nhật ký thay đổi
	PermSettings     Permission = "settings"      // thông tin cơ quan, giờ làm việc, máy in
	PermCatalogue    Permission = "catalogue"     // danh mục thủ tục
	PermOfficials    Permission = "officials"     // tài khoản cán bộ
	PermCalendar     Permission = "calendar"      // lịch làm việc (ngày nghỉ, ngày làm bù)
	PermBackup       Permission = "backup"        // sao lưu, phục hồi
	PermEnterRatings Permission = "enter_ratings" // nhập đánh giá từ phiếu giấy (không qua màn hình đánh giá)
	PermAct          Permission = "act:"          // prefix: a lifecycle action, e.g. "act:handover"
)

// ActPermission is the permission for a lifecycle action (ActHandover, ...).
func ActPermission(action Act) Permission { return PermAct + Permission(action) }

// grants is the role matrix in one place. The leader inspects and steps in for anyone at the
// counter; the admin looks after the system and, in a small ward, also stands in at the counter.
var grants = map[Role][]Permission{
	RoleCounter: {PermReceive, PermViewDossiers, PermPromptRating, PermReportOwn,
		ActPermission(ActHandover), ActPermission(ActConfirm), ActPermission(ActSupplement),
		ActPermission(ActResume), ActPermission(ActRefuse), ActPermission(ActReschedule),
		ActPermission(ActReturn), ActPermission(ActWithdraw)},
	RoleProcessing: {PermViewDossiers, PermReportOwn,
		ActPermission(ActHandover), ActPermission(ActConfirm), ActPermission(ActSupplement),
		ActPermission(ActResume), ActPermission(ActReschedule), ActPermission(ActResolve),
		ActPermission(ActStop)},
	RoleLeader: {PermReceive, PermViewDossiers, PermPromptRating, PermReportOwn, PermReportAll, PermViewAudit,
		ActPermission(ActHandover), ActPermission(ActConfirm), ActPermission(ActSupplement),
		ActPermission(ActResume), ActPermission(ActRefuse), ActPermission(ActReschedule),
		ActPermission(ActResolve), ActPermission(ActReturn), ActPermission(ActWithdraw), ActPermission(ActStop)},
	RoleAdmin: {PermReceive, PermViewDossiers, PermPromptRating, PermReportOwn, PermViewAudit,
		PermSettings, PermCatalogue, PermOfficials, PermCalendar, PermBackup, PermEnterRatings,
		ActPermission(ActHandover), ActPermission(ActConfirm), ActPermission(ActSupplement),
		ActPermission(ActResume), ActPermission(ActRefuse), ActPermission(ActReschedule),
		ActPermission(ActResolve), ActPermission(ActReturn), ActPermission(ActWithdraw), ActPermission(ActStop)},
}

// Can reports whether a role holds a permission.
func (r Role) Can(p Permission) bool {
	for _, g := range grants[r] {
		if g == p {
			return true
		}
	}
	return false
}

// ForbiddenError is a refusal by role: the official exists and is active, but may not do this.
type ForbiddenError struct {
	Login      string
	Role       Role
	Permission Permission
	Message    string
}

func (e *ForbiddenError) Error() string { return e.Message }

// permissionNames say in Vietnamese what was refused.
var permissionNames = map[Permission]string{
	PermReceive: "tiếp nhận hồ sơ", PermViewDossiers: "xem sổ theo dõi hồ sơ", PermPromptRating: "mời đánh giá",
	PermReportOwn: "xem kết quả của mình", PermReportAll: "xem báo cáo của mọi cán bộ", PermViewAudit: "xem nhật ký thay đổi",
	PermSettings: "sửa thông tin cơ quan", PermCatalogue: "sửa danh mục thủ tục", PermOfficials: "quản lý tài khoản cán bộ",
	PermCalendar: "sửa lịch làm việc", PermBackup: "sao lưu và phục hồi dữ liệu",
	PermEnterRatings: "nhập đánh giá từ phiếu giấy",
}

func permissionName(p Permission) string {
	if n, ok := permissionNames[p]; ok {
		return n
	}
	if len(p) > len(PermAct) && p[:len(PermAct)] == PermAct {
		return ActionName(Act(p[len(PermAct):]))
	}
	return string(p)
}

// require resolves the acting official (empty by → DefaultActor) and checks the permission.
func (s *Store) require(ctx context.Context, by string, p Permission) (Official, error) {
	o, err := s.actor(ctx, by)
	if err != nil {
		return o, err
	}
	if !o.Role.Can(p) {
		return o, forbidden(o, p)
	}
	return o, nil
}

func forbidden(o Official, p Permission) *ForbiddenError {
	return &ForbiddenError{Login: o.Login, Role: o.Role, Permission: p,
		Message: fmt.Sprintf("%s %s (%s) không có quyền %s.", o.Role.Name(), o.FullName, o.Login, permissionName(p))}
}
