import{a as e}from"./rolldown-runtime-BWaJ3C7D.js";import{a as t,t as n}from"./jsx-runtime-BVdZ9n9D.js";import{a as r,d as i,f as a,g as o,h as s,i as c,l,m as u,n as d,o as f,p,t as m,u as h,v as g,y as _}from"./console-CmauJDXr.js";import{a as v,d as y,l as b,n as x,t as S}from"./format-CfwHDt0f.js";import{n as C}from"./match-Zn9wKCyj.js";var w=e(t(),1),T=n(),E=y(`
  query DealFlow($filter: DealFlowFilter, $first: Int!) {
    viewer {
      organization {
        __typename
        ... on Investor {
          id name
          dealFlow(first: $first, filter: $filter) {
            totalCount
            edges {
              fit
              highlights { field snippet }
              deal { id stage }
              node { id name description stage sectors ward incubator { id name } }
            }
            facets {
              sectors { value label count }
              stages { value label count }
              incubators { value label count }
            }
          }
        }
      }
    }
  }
`),D=y(`
  mutation SaveSearch($input: SaveSearchInput!) {
    saveSearch(input: $input) { savedSearch { id name } userErrors { field code message } }
  }
`);function O(){let e=s(),{lang:t}=u(),{query:n}=p(),o=n.get(`q`)??``,h=n.getAll(`sector`),y=n.getAll(`stage`),b=n.getAll(`incubator`),[x,S]=(0,w.useState)(o),[{data:O,fetching:k,error:A}]=_({query:E,variables:{first:30,filter:{query:o||null,sectors:h.length?h:null,stages:y.length?y:null,incubatorIds:b.length?b:null}}}),[j,M]=g(D),[N,P]=(0,w.useState)(``),F=O?.viewer.organization?.__typename===`Investor`?O.viewer.organization:null,I=e=>{let t=new URLSearchParams(location.search);if(e.q!==void 0&&(e.q?t.set(`q`,e.q):t.delete(`q`)),e.toggle){let[n,r]=e.toggle,i=t.getAll(n);t.delete(n),(i.includes(r)?i.filter(e=>e!==r):[...i,r]).forEach(e=>t.append(n,e))}a(`/dealflow${t.toString()?`?${t}`:``}`,!0)},L=e=>{e.preventDefault(),I({q:x.trim()})},R=async e=>{e.preventDefault(),F&&await M({input:{investorId:F.id,name:N,query:o,filter:{sectors:h,stages:y,incubatorIds:b}}})},z=(t,n,r,i)=>(0,T.jsxs)(`fieldset`,{className:`facet`,children:[(0,T.jsx)(`legend`,{children:n}),r.map(n=>(0,T.jsxs)(`label`,{className:`choice`,children:[(0,T.jsx)(`input`,{type:`checkbox`,checked:i.includes(n.value),onChange:()=>I({toggle:[t,n.value]})}),t===`stage`?l(e,`stage`,n.value):n.label,` `,(0,T.jsxs)(`span`,{className:`muted`,children:[`(`,n.count,`)`]})]},n.value))]}),B=j.data?.saveSearch.userErrors;return(0,T.jsxs)(f,{title:e(`Luồng thương vụ`,`Deal flow`),children:[(0,T.jsxs)(`form`,{role:`search`,className:`search`,onSubmit:L,children:[(0,T.jsx)(`label`,{htmlFor:`q`,className:`sr-only`,children:e(`Tìm startup`,`Search startups`)}),(0,T.jsx)(`input`,{id:`q`,type:`search`,value:x,onChange:e=>S(e.target.value),placeholder:e(`Tìm theo tên, mô tả… (có dấu hoặc không dấu)`,`Search names, descriptions… (with or without diacritics)`)}),(0,T.jsx)(`button`,{type:`submit`,className:`primary`,children:e(`Tìm`,`Search`)})]}),A&&(0,T.jsx)(d,{error:A}),k&&!O&&(0,T.jsx)(r,{}),F?.dealFlow&&(0,T.jsxs)(`div`,{className:`with-aside`,children:[(0,T.jsxs)(`aside`,{"aria-label":e(`Bộ lọc`,`Filters`),children:[z(`sector`,e(`Lĩnh vực`,`Sector`),F.dealFlow.facets.sectors,h),z(`stage`,e(`Giai đoạn`,`Stage`),F.dealFlow.facets.stages,y),z(`incubator`,e(`Vườn ươm`,`Incubator`),F.dealFlow.facets.incubators,b),(0,T.jsxs)(`form`,{className:`form`,onSubmit:R,children:[(0,T.jsx)(`label`,{htmlFor:`ss-name`,children:e(`Lưu tìm kiếm này để nhận thông báo`,`Save this search to be notified`)}),(0,T.jsx)(`input`,{id:`ss-name`,required:!0,value:N,onChange:e=>P(e.target.value),placeholder:e(`Tên tìm kiếm`,`Search name`)}),(0,T.jsx)(`button`,{type:`submit`,disabled:j.fetching,children:e(`Lưu tìm kiếm`,`Save search`)}),(0,T.jsx)(c,{errors:B,shown:[]}),(0,T.jsx)(`p`,{role:`status`,"aria-live":`polite`,className:`toast`,children:j.data?.saveSearch.savedSearch&&e(`Đã lưu “${j.data.saveSearch.savedSearch.name}”.`,`Saved “${j.data.saveSearch.savedSearch.name}”.`)})]})]}),(0,T.jsxs)(`div`,{children:[(0,T.jsx)(`p`,{className:`muted`,role:`status`,children:e(`${F.dealFlow.totalCount} startup`,`${F.dealFlow.totalCount} startups`)}),!F.dealFlow.edges.length&&(0,T.jsx)(m,{children:e(`Không có startup nào khớp.`,`No startup matches.`)}),(0,T.jsx)(`ol`,{className:`results`,children:F.dealFlow.edges.map(({node:n,fit:r,highlights:a,deal:o})=>(0,T.jsxs)(`li`,{className:`card`,children:[(0,T.jsxs)(`header`,{className:`row`,children:[(0,T.jsx)(`h2`,{children:(0,T.jsx)(i,{to:`/startups/${encodeURIComponent(n.id)}`,children:n.name})}),r!=null&&(0,T.jsx)(`span`,{className:`score`,title:e(`Mức phù hợp với khẩu vị đầu tư`,`Fit with your thesis`),children:v(t,r)})]}),(0,T.jsxs)(`p`,{className:`muted`,children:[l(e,`stage`,n.stage),` · `,n.ward,n.incubator?` · ${n.incubator.name}`:``,o&&(0,T.jsxs)(T.Fragment,{children:[` · `,(0,T.jsx)(`span`,{className:`badge`,children:l(e,`deal`,o.stage)})]})]}),a.length?a.map(e=>(0,T.jsx)(`p`,{className:`snippet`,children:(0,T.jsx)(C,{text:e.snippet})},e.field)):(0,T.jsx)(`p`,{className:`clamp`,children:n.description})]},n.id))})]})]})]})}var k=y(`
  query StartupProfile($id: ID!) {
    startup(id: $id) {
      id name nameEn description website teamSize stage ward foundedOn sectors
      incubator { id name }
      contact { email phone }
      financials { fundingNeedVnd revenue { year amountVnd } }
    }
    viewer {
      deals(first: 100) {
        edges { node { id stage daysInStage startup { id } notes { text at actor { name } } history { stage at } } }
      }
      organization { __typename ... on Investor { id } }
    }
    sectors { sector label }
  }
`),A=y(`
  mutation MoveDeal($input: MoveDealInput!) {
    moveDeal(input: $input) { deal { id stage daysInStage } userErrors { field code message } }
  }
`),j=y(`
  mutation AddDealNote($input: AddDealNoteInput!) {
    addDealNote(input: $input) { deal { id } userErrors { field code message } }
  }
`);function M({params:e}){let t=s(),{lang:n}=u(),[{data:i,fetching:a,error:p},v]=_({query:k,variables:{id:e.id}}),[y,C]=g(A),[E,D]=g(j),[O,M]=(0,w.useState)(``),[N,P]=(0,w.useState)(``),F=i?.startup,I=i?.viewer.organization?.__typename===`Investor`?i.viewer.organization:null,L=i?.viewer.deals.edges.map(e=>e.node).find(t=>t.startup.id===e.id),R=p&&!(F&&o(p))?p:void 0;return(0,T.jsxs)(f,{title:F?.name??t(`Startup`,`Startup`),children:[a&&!i&&(0,T.jsx)(r,{}),R&&(0,T.jsx)(d,{error:R}),F&&(0,T.jsxs)(`div`,{className:`grid2`,children:[(0,T.jsxs)(`section`,{className:`card`,"aria-labelledby":`about-h`,children:[(0,T.jsx)(`h2`,{id:`about-h`,children:t(`Giới thiệu`,`About`)}),(0,T.jsx)(`p`,{children:F.description}),(0,T.jsxs)(`dl`,{className:`facts`,children:[(0,T.jsx)(`dt`,{children:t(`Giai đoạn`,`Stage`)}),(0,T.jsx)(`dd`,{children:l(t,`stage`,F.stage)}),(0,T.jsx)(`dt`,{children:t(`Lĩnh vực`,`Sectors`)}),(0,T.jsx)(`dd`,{children:F.sectors.map(e=>i?.sectors.find(t=>t.sector===e)?.label??e).join(`, `)}),(0,T.jsx)(`dt`,{children:t(`Địa bàn`,`Ward`)}),(0,T.jsx)(`dd`,{children:F.ward}),(0,T.jsx)(`dt`,{children:t(`Thành lập`,`Founded`)}),(0,T.jsx)(`dd`,{children:S(n,F.foundedOn)}),(0,T.jsx)(`dt`,{children:t(`Vườn ươm`,`Incubator`)}),(0,T.jsx)(`dd`,{children:F.incubator?.name??`—`}),(0,T.jsx)(`dt`,{children:t(`Nhân sự`,`Team`)}),(0,T.jsx)(`dd`,{children:F.teamSize}),F.website&&(0,T.jsxs)(T.Fragment,{children:[(0,T.jsx)(`dt`,{children:`Web`}),(0,T.jsx)(`dd`,{children:(0,T.jsx)(`a`,{href:F.website,rel:`noopener noreferrer`,children:F.website})})]})]}),(0,T.jsx)(`h3`,{children:t(`Thông tin bảo mật`,`Confidential`)}),F.contact||F.financials?(0,T.jsxs)(`dl`,{className:`facts`,children:[F.contact&&(0,T.jsxs)(T.Fragment,{children:[(0,T.jsx)(`dt`,{children:`Email`}),(0,T.jsx)(`dd`,{children:F.contact.email}),(0,T.jsx)(`dt`,{children:t(`Điện thoại`,`Phone`)}),(0,T.jsx)(`dd`,{children:F.contact.phone??`—`})]}),F.financials&&(0,T.jsxs)(T.Fragment,{children:[(0,T.jsx)(`dt`,{children:t(`Nhu cầu vốn`,`Funding sought`)}),(0,T.jsx)(`dd`,{children:b(n,F.financials.fundingNeedVnd)}),F.financials.revenue.map(e=>(0,T.jsxs)(`span`,{className:`contents`,children:[(0,T.jsx)(`dt`,{children:t(`Doanh thu ${e.year}`,`Revenue ${e.year}`)}),(0,T.jsx)(`dd`,{children:b(n,e.amountVnd)})]},e.year))]})]}):(0,T.jsx)(`p`,{className:`muted`,children:t(`Chỉ xem được khi startup cấp quyền phòng dữ liệu cho bạn.`,`Visible once the startup grants you its data room.`)})]}),I&&(0,T.jsxs)(`section`,{className:`card`,"aria-labelledby":`deal-h`,children:[(0,T.jsx)(`h2`,{id:`deal-h`,children:t(`Trong quy trình của bạn`,`In your pipeline`)}),(0,T.jsx)(`p`,{children:L?(0,T.jsxs)(T.Fragment,{children:[t(`Giai đoạn: `,`Stage: `),(0,T.jsx)(`strong`,{children:l(t,`deal`,L.stage)}),` · `,t(`${L.daysInStage} ngày`,`${L.daysInStage} days`)]}):t(`Chưa có trong quy trình.`,`Not in your pipeline yet.`)}),(0,T.jsxs)(`form`,{className:`form`,onSubmit:async t=>{t.preventDefault(),I&&O&&(await C({input:{investorId:I.id,startupId:e.id,stage:O,note:N||null}})).data?.moveDeal.deal&&(P(``),v({requestPolicy:`network-only`}))},children:[(0,T.jsxs)(`div`,{className:`field`,children:[(0,T.jsx)(`label`,{htmlFor:`stage`,children:t(`Chuyển sang giai đoạn`,`Move to stage`)}),(0,T.jsxs)(`select`,{id:`stage`,value:O,onChange:e=>M(e.target.value),required:!0,children:[(0,T.jsx)(`option`,{value:``,children:t(`— chọn —`,`— choose —`)}),h(`deal`).map(e=>(0,T.jsx)(`option`,{value:e,children:l(t,`deal`,e)},e))]})]}),(0,T.jsxs)(`div`,{className:`field`,children:[(0,T.jsx)(`label`,{htmlFor:`note`,children:t(`Ghi chú`,`Note`)}),(0,T.jsx)(`textarea`,{id:`note`,rows:2,value:N,onChange:e=>P(e.target.value)})]}),(0,T.jsx)(c,{errors:y.data?.moveDeal.userErrors??E.data?.addDealNote.userErrors,shown:[]}),(0,T.jsxs)(`div`,{className:`actions`,children:[(0,T.jsx)(`button`,{type:`submit`,className:`primary`,disabled:y.fetching,children:t(`Chuyển`,`Move`)}),(0,T.jsx)(`button`,{type:`button`,onClick:async t=>{t.preventDefault(),I&&N&&(await D({input:{investorId:I.id,startupId:e.id,text:N}})).data?.addDealNote.deal&&(P(``),v({requestPolicy:`network-only`}))},disabled:E.fetching||!N,children:t(`Chỉ thêm ghi chú`,`Add the note only`)})]})]}),L&&(0,T.jsxs)(T.Fragment,{children:[(0,T.jsx)(`h3`,{children:t(`Ghi chú`,`Notes`)}),L.notes.length?(0,T.jsx)(`ul`,{className:`list`,children:L.notes.map((e,t)=>(0,T.jsxs)(`li`,{children:[x(n,e.at),` · `,e.actor.name,`: `,e.text]},t))}):(0,T.jsx)(m,{children:`—`}),(0,T.jsx)(`h3`,{children:t(`Lịch sử`,`History`)}),(0,T.jsx)(`ol`,{className:`timeline`,children:L.history.map((e,r)=>(0,T.jsxs)(`li`,{children:[x(n,e.at),` — `,l(t,`deal`,e.stage)]},r))})]})]})]})]})}var N=y(`
  query Pipeline {
    viewer {
      organization { __typename ... on Investor { id } }
      deals(first: 100) { totalCount edges { node { id stage daysInStage startup { id name stage } } } }
    }
  }
`);function P(){let e=s(),[{data:t,fetching:n,error:a},o]=_({query:N,requestPolicy:`network-only`}),[u,p]=g(A),v=t?.viewer.organization?.__typename===`Investor`?t.viewer.organization:null,y=t?.viewer.deals.edges.map(e=>e.node)??[],b=async(e,t)=>{v&&(await p({input:{investorId:v.id,startupId:e,stage:t}}),o({requestPolicy:`network-only`}))};return(0,T.jsxs)(f,{title:e(`Quy trình đầu tư`,`Pipeline`),children:[n&&!t&&(0,T.jsx)(r,{}),a&&(0,T.jsx)(d,{error:a}),(0,T.jsx)(c,{errors:u.data?.moveDeal.userErrors,shown:[]}),t&&!y.length&&(0,T.jsxs)(m,{children:[e(`Quy trình còn trống: thêm startup từ `,`Your pipeline is empty: add startups from `),(0,T.jsx)(i,{to:`/dealflow`,children:e(`luồng thương vụ`,`the deal flow`)}),`.`]}),y.length>0&&(0,T.jsx)(`div`,{className:`board`,children:h(`deal`).map(t=>{let n=y.filter(e=>e.stage===t);return(0,T.jsxs)(`section`,{className:`column`,"aria-labelledby":`col-${t}`,children:[(0,T.jsxs)(`h2`,{id:`col-${t}`,children:[l(e,`deal`,t),` `,(0,T.jsxs)(`span`,{className:`muted`,children:[`(`,n.length,`)`]})]}),(0,T.jsx)(`ul`,{children:n.map(t=>(0,T.jsxs)(`li`,{className:`card deal`,children:[(0,T.jsx)(i,{to:`/startups/${encodeURIComponent(t.startup.id)}`,children:t.startup.name}),(0,T.jsx)(`span`,{className:`muted`,children:e(`${t.daysInStage} ngày ở giai đoạn này`,`${t.daysInStage} days in stage`)}),(0,T.jsx)(`label`,{className:`sr-only`,htmlFor:`mv-${t.id}`,children:e(`Chuyển ${t.startup.name} sang`,`Move ${t.startup.name} to`)}),(0,T.jsx)(`select`,{id:`mv-${t.id}`,value:t.stage,onChange:e=>b(t.startup.id,e.target.value),children:h(`deal`).map(t=>(0,T.jsx)(`option`,{value:t,children:l(e,`deal`,t)},t))})]},t.id))})]},t)})})]})}var F=y(`
  query SavedSearches {
    viewer {
      organization {
        __typename
        ... on Investor { id savedSearches { id name query sectors stages incubators { id name } createdAt } }
      }
    }
  }
`),I=y(`
  mutation DeleteSavedSearch($id: ID!) {
    deleteSavedSearch(input: { id: $id }) { deletedId userErrors { field code message } }
  }
`);function L(){let e=s(),{lang:t}=u(),[{data:n,fetching:a,error:o},c]=_({query:F,requestPolicy:`network-only`}),[,l]=g(I),p=n?.viewer.organization?.__typename===`Investor`?n.viewer.organization:null,h=e=>{let t=new URLSearchParams;return e.query&&t.set(`q`,e.query),e.sectors.forEach(e=>t.append(`sector`,e)),e.stages.forEach(e=>t.append(`stage`,e)),e.incubators.forEach(e=>t.append(`incubator`,e.id)),`/dealflow?${t}`};return(0,T.jsxs)(f,{title:e(`Tìm kiếm đã lưu`,`Saved searches`),children:[(0,T.jsxs)(`p`,{children:[e(`Bạn được thông báo khi có startup mới khớp một tìm kiếm đã lưu.`,`You are notified when a new startup matches a saved search.`),` `,(0,T.jsx)(i,{to:`/notifications`,children:e(`Xem thông báo`,`See notifications`)})]}),a&&!n&&(0,T.jsx)(r,{}),o&&(0,T.jsx)(d,{error:o}),p&&!p.savedSearches?.length&&(0,T.jsx)(m,{children:e(`Chưa có tìm kiếm nào được lưu.`,`No saved searches yet.`)}),(0,T.jsx)(`ul`,{className:`list`,children:p?.savedSearches?.map(n=>(0,T.jsxs)(`li`,{children:[(0,T.jsx)(i,{to:h(n),children:n.name}),` `,(0,T.jsxs)(`span`,{className:`muted`,children:[`“`,n.query,`” · `,S(t,n.createdAt)]}),(0,T.jsxs)(`button`,{type:`button`,className:`quiet`,onClick:async()=>{await l({id:n.id}),c({requestPolicy:`network-only`})},children:[e(`Xoá`,`Delete`),(0,T.jsxs)(`span`,{className:`sr-only`,children:[` `,n.name]})]})]},n.id))})]})}export{O as DealFlow,P as Pipeline,L as SavedSearches,M as StartupProfile};