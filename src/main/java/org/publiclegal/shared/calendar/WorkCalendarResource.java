package org.publiclegal.shared.calendar;

import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.shared.validation.DateBounds;
import org.publiclegal.shared.validation.EnteredDate;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.publiclegal.shared.calendar.DayCounting.DayKind;
import org.publiclegal.shared.calendar.WorkCalendar.CalendarDay;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.security.Roles;

import java.time.LocalDate;
import java.util.List;

/**
 * 节假日与调休: the calendar that working-day deadlines are counted against. The system administrator enters
 * the State Council's holiday notice each year.
 */
@Cancellable(false)
@Path("/api/calendar/days")
@Tag(name = "Calendar", description = "节假日与调休")
public class WorkCalendarResource {

    private final WorkCalendar calendar;

    public WorkCalendarResource(WorkCalendar calendar) {
        this.calendar = calendar;
    }

    public record DayRequest(@NotNull(message = "请选择 HOLIDAY（放假）或 WORKDAY（调休上班）") DayKind kind,
                             @NotBlank(message = "请填写名称，如 国庆节") @Size(max = 50, message = "名称最多 50 字") String name) {
    }

    @GET
    @PermitAll
    @Operation(summary = "某年的节假日与调休上班日")
    public Uni<List<CalendarDay>> year(@QueryParam("year") @NotNull(message = "请指定 year")
                                       @Min(value = 2000, message = "年份不正确") @Max(value = 2100, message = "年份不正确") Integer year) {
        return calendar.year(year);
    }

    @PUT
    @Path("/{day}")
    @RolesAllowed(Roles.SYSTEM_ADMIN)
    @ResponseStatus(204)
    @Operation(summary = "设置一天为放假或调休上班")
    public Uni<Void> set(@PathParam("day") @EnteredDate(DateBounds.Kind.PLANNED) LocalDate day, @Valid @NotNull(message = "请求内容不能为空") DayRequest request) {
        return calendar.set(day, request.kind(), request.name());
    }

    @DELETE
    @Path("/{day}")
    @RolesAllowed(Roles.SYSTEM_ADMIN)
    @ResponseStatus(204)
    @Operation(summary = "删除一天的设置（恢复为普通工作日或周末）")
    public Uni<Void> remove(@PathParam("day") @EnteredDate(DateBounds.Kind.PLANNED) LocalDate day) {
        return calendar.remove(day).invoke(removed -> {
            if (!removed) {
                throw new NotFound("日历设置", day);
            }
        }).replaceWithVoid();
    }
}
